package dev.switchboard.core.call;

import java.time.Duration;
import java.util.List;

/**
 * Collect DTMF: play the prompts (interruptible by any key), then wait for digits.
 *
 * @param prompts            played in order first; the first key pressed stops them and counts as a digit
 * @param minDigits          fewer digits than this, then a timeout, counts as no input
 * @param maxDigits          collection ends at this many digits
 * @param firstDigitTimeout  how long to wait for the first key after the prompts
 * @param interdigitTimeout  how long to wait between keys
 * @param terminators        keys that end the collection without being part of it (e.g. "#")
 */
public record DigitRequest(List<Media> prompts, int minDigits, int maxDigits, Duration firstDigitTimeout,
                           Duration interdigitTimeout, String terminators) {

    public static final Duration DEFAULT_FIRST_DIGIT = Duration.ofMillis(5000);
    public static final Duration DEFAULT_INTERDIGIT = Duration.ofMillis(2000);

    public static DigitRequest of(List<Media> prompts, int maxDigits) {
        return new DigitRequest(prompts, 1, maxDigits, DEFAULT_FIRST_DIGIT, DEFAULT_INTERDIGIT, "#");
    }
}
