package dev.switchboard.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to record.
 *
 * @param maxLength        the recording ends after this much audio
 * @param silenceThreshold the peak amplitude (0-32767) under which a frame counts as silence
 * @param silenceDuration  the recording ends after this much continuous silence (that silence is kept); null or
 *                         zero disables silence detection
 * @param terminators      DTMF keys that end the recording
 * @param target           a file to write (and fsync) the WAV to, or null to get the bytes in the result
 */
public record RecordOptions(Duration maxLength, int silenceThreshold, Duration silenceDuration, String terminators,
                            Path target) {

    public RecordOptions {
        Objects.requireNonNull(maxLength, "maxLength");
        if (maxLength.isNegative() || maxLength.isZero()) {
            throw new IllegalArgumentException("maxLength must be positive");
        }
        silenceDuration = silenceDuration == null ? Duration.ZERO : silenceDuration;
        terminators = terminators == null ? "" : terminators.toUpperCase(java.util.Locale.ROOT);
    }

    /** Up to {@code maxLength}, ending on 5 s of silence under amplitude 200, or on #. */
    public static RecordOptions voicemail(Duration maxLength) {
        return new RecordOptions(maxLength, 200, Duration.ofSeconds(5), "#", null);
    }

    public RecordOptions withTarget(Path file) {
        return new RecordOptions(maxLength, silenceThreshold, silenceDuration, terminators, file);
    }

    public boolean endsOn(char key) {
        return terminators.indexOf(Character.toUpperCase(key)) >= 0;
    }
}
