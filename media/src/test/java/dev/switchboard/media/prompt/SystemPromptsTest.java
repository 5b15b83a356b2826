package dev.switchboard.media.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.media.AudioContext;
import dev.switchboard.media.AudioSources;
import dev.switchboard.media.AudioStream;
import dev.switchboard.media.PromptResolver;
import dev.switchboard.media.Sayer;
import dev.switchboard.media.Signals;
import dev.switchboard.media.ToneSpec;
import dev.switchboard.media.TtsEngine;
import dev.switchboard.media.tts.FormantTts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemPromptsTest {
    @TempDir
    Path cache;

    /** Every prompt id the engine's actions ask for has a system prompt, so no callflow plays silence. */
    @Test
    void everyPromptIdUsedByTheActionsHasText() throws IOException {
        Path actions = Path.of("../core/src/main/java/dev/switchboard/core/actions");
        Pattern quoted = Pattern.compile("\"((?:vm|menu|conf|cf|cw|dnd|dir|disa|hotdesk|park|pickup|intercept"
                + "|eavesdrop|temporal|agent|camper|fault)-[a-z_]+)\"");
        List<String> ids = new ArrayList<>();
        try (Stream<Path> files = Files.walk(actions)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = quoted.matcher(Files.readString(file));
                while (m.find()) {
                    ids.add(m.group(1));
                }
            }
        }
        assertThat(ids).hasSizeGreaterThan(50);
        assertThat(SystemPrompts.ids("en-us")).containsAll(ids);
    }

    @Test
    void promptsAreSpokenByTtsAndTheAccountsOverrideWins() throws Exception {
        List<String> spoken = new ArrayList<>();
        TtsEngine recording = new TtsEngine() {
            @Override
            public short[] synthesize(String text, String language, String voice) {
                spoken.add(text);
                return new FormantTts().synthesize(text, language, voice);
            }

            @Override
            public String name() {
                return "recording";
            }
        };
        PromptResolver account = (id, language) -> id.equals("vm-goodbye")
                ? Optional.of(AudioSources.tone(ToneSpec.steady(Duration.ofMillis(300), 800)))
                : Optional.empty();
        AudioContext context = new AudioContext(recording, account, cache, "en-us", 1000);

        short[] menu = drain(AudioSources.prompt("menu-invalid_entry", null), context);
        short[] goodbye = drain(AudioSources.prompt("vm-goodbye", "en-us"), context);
        short[] french = drain(AudioSources.prompt("menu-exit", "fr-ca"), context);

        assertThat(spoken).containsExactly("Invalid entry. Please try again.", "Goodbye.");
        assertThat(menu.length).isGreaterThan(8000);
        assertThat(goodbye).hasSize(2400);
        assertThat(Signals.dominantFrequency(goodbye)).isEqualTo(800);
        assertThat(french.length).isGreaterThan(1000);
        assertThatThrownBy(() -> drain(AudioSources.prompt("no-such_prompt", "en-us"), context))
                .isInstanceOf(IOException.class).hasMessage("no system prompt 'no-such_prompt' in en-us");
    }

    @Test
    void sayerBuildsValuesFromPromptIds() {
        assertThat(EnglishWords.number(0)).containsExactly("number-0");
        assertThat(EnglishWords.number(15)).containsExactly("number-15");
        assertThat(EnglishWords.number(42)).containsExactly("number-40", "number-2");
        assertThat(EnglishWords.number(1_234_567_890)).containsExactly(
                "number-1", "number-billion", "number-2", "number-hundred", "number-30", "number-4",
                "number-million", "number-5", "number-hundred", "number-60", "number-7", "number-thousand",
                "number-8", "number-hundred", "number-90");
        assertThat(EnglishWords.number(-7)).containsExactly("word-minus", "number-7");
        assertThat(EnglishWords.characters("1a*#")).containsExactly("digit-1", "letter-a", "digit-star",
                "digit-pound");
        ZonedDateTime when = ZonedDateTime.of(2026, 3, 3, 15, 5, 0, 0, ZoneId.of("UTC"));
        assertThat(EnglishWords.date(when)).containsExactly("weekday-2", "month-3", "ordinal-3", "number-20",
                "number-20", "number-6");
        assertThat(EnglishWords.time(when)).containsExactly("number-3", "word-oh", "number-5", "word-pm");
        assertThat(EnglishWords.time(when.withHour(0).withMinute(0))).containsExactly("number-12",
                "word-oclock", "word-am");
        assertThat(EnglishWords.year(1999)).containsExactly("number-19", "number-90", "number-9");
        assertThat(EnglishWords.currency(new java.math.BigDecimal("12.05"))).containsExactly("number-12",
                "word-dollars", "word-and", "number-5", "word-cents");
        for (long n : new long[] {0, 7, 13, 99, 100, 101, 999, 1000, 1_000_001, 987_654_321_012L}) {
            assertThat(SystemPrompts.ids("en-us")).containsAll(Sayer.promptIdsForNumber(n));
        }
    }

    @Test
    void sayerAudioIsTheConcatenationOfItsPrompts() throws Exception {
        AudioContext context = new AudioContext(new FormantTts(), PromptResolver.NONE, cache, "en-us", 1000);
        short[] one = drain(AudioSources.prompt("digit-1", "en-us"), context);
        short[] two = drain(AudioSources.prompt("digit-2", "en-us"), context);
        short[] digits = drain(Sayer.forLanguage("en-us").digits("12"), context);
        assertThat(digits).hasSize(one.length + two.length);
        assertThat(java.util.Arrays.copyOfRange(digits, one.length, digits.length)).isEqualTo(two);
    }

    private static short[] drain(dev.switchboard.media.AudioSource source, AudioContext context) throws IOException {
        List<Short> out = new ArrayList<>();
        try (AudioStream stream = source.open(context)) {
            short[] frame = new short[160];
            int n;
            while ((n = stream.read(frame, 0, frame.length)) > 0) {
                for (int i = 0; i < n; i++) {
                    out.add(frame[i]);
                }
            }
        }
        short[] samples = new short[out.size()];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = out.get(i);
        }
        return samples;
    }
}
