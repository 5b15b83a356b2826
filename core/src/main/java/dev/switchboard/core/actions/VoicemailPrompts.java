package dev.switchboard.core.actions;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import dev.switchboard.core.call.CallControl;
import dev.switchboard.core.call.DigitRequest;
import dev.switchboard.core.call.Digits;
import dev.switchboard.core.call.Media;
import dev.switchboard.core.call.SayRequest;

/**
 * How voicemail talks and listens: what it says is a list of prompts, recordings and spoken values, any of which a
 * key interrupts (a caller who knows the menu need not wait for it).
 */
final class VoicemailPrompts {
    /** Every key a caller can press on a phone. */
    static final String ANY_KEY = PlayAction.ANY_DIGIT;

    sealed interface Part permits Play, Say {
    }

    record Play(Media media) implements Part {
    }

    record Say(SayRequest request) implements Part {
    }

    private VoicemailPrompts() {
    }

    static Part prompt(String id) {
        return new Play(Media.Prompt.of(id));
    }

    static Part media(Media media) {
        return new Play(media);
    }

    static Part number(long value) {
        return new Say(new SayRequest(Long.toString(value), "number", "pronounced", null));
    }

    static Part digits(String value) {
        return new Say(new SayRequest(value, "digits", "iterated", null));
    }

    /** A moment (Gregorian seconds) spoken as date and time in {@code zone}. */
    static Part dateTime(long gregorianSeconds, ZoneId zone) {
        return new Say(new SayRequest(Long.toString(gregorianSeconds), "date_time", "pronounced", zone.getId()));
    }

    /** Plays the parts in order until a key is pressed; returns that key. */
    static Optional<String> speak(CallControl call, List<Part> parts) {
        for (Part part : parts) {
            Optional<String> key = switch (part) {
                case Play p -> call.play(p.media(), ANY_KEY);
                case Say s -> call.say(s.request(), ANY_KEY);
            };
            if (key.isPresent()) {
                return key;
            }
        }
        return Optional.empty();
    }

    /** Plays a prompt to its end: keys pressed meanwhile wait for the next question. */
    static void tell(CallControl call, String promptId) {
        call.play(Media.Prompt.of(promptId), "");
    }

    /** Plays the parts, then waits for one key; empty when none came. */
    static String choose(CallControl call, List<Part> parts, Duration interdigit) {
        Optional<String> key = speak(call, parts);
        if (key.isPresent()) {
            return key.get();
        }
        return call.collect(new DigitRequest(List.of(), 1, 1, DigitRequest.DEFAULT_FIRST_DIGIT, interdigit, ""))
                .digits();
    }

    /** Asks with a prompt for up to {@code maxDigits} keys, {@code #} ending early; empty when none came. */
    static String ask(CallControl call, String promptId, int maxDigits, Duration interdigit) {
        Digits digits = call.collect(new DigitRequest(List.of(Media.Prompt.of(promptId)), 1, maxDigits,
                DigitRequest.DEFAULT_FIRST_DIGIT, interdigit, "#"));
        return digits.digits();
    }
}
