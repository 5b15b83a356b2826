package dev.switchboard.media;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * A tone: frequencies sounding together, switched on and off by a repeating cadence.
 *
 * @param frequencies Hz, mixed with equal levels
 * @param cadenceMs   alternating on and off times in ms, repeated (on, off, on, off…); empty for a steady tone
 * @param duration    the total length, or null to sound until stopped
 * @param level       the peak amplitude of each frequency, 0..32767
 */
public record ToneSpec(int[] frequencies, int[] cadenceMs, Duration duration, int level) {

    /** About -13 dBm0 per frequency, the level telephone tones are sent at. */
    public static final int DEFAULT_LEVEL = 5000;

    public ToneSpec {
        Objects.requireNonNull(frequencies, "frequencies");
        Objects.requireNonNull(cadenceMs, "cadenceMs");
        frequencies = frequencies.clone();
        cadenceMs = cadenceMs.clone();
        for (int f : frequencies) {
            if (f <= 0 || f >= 4000) {
                throw new IllegalArgumentException("tone frequency " + f + " Hz is outside 1-3999 Hz");
            }
        }
        for (int c : cadenceMs) {
            if (c < 0) {
                throw new IllegalArgumentException("negative cadence " + c + " ms");
            }
        }
        if (level < 0 || level > 32767) {
            throw new IllegalArgumentException("tone level " + level + " out of range");
        }
    }

    /** A steady tone for a given time (null for ever). */
    public static ToneSpec steady(Duration duration, int... frequencies) {
        return new ToneSpec(frequencies, new int[0], duration, DEFAULT_LEVEL);
    }

    /** KAZOO's tone form: frequencies, one on/off pair, total length in ms (0 or less for ever). */
    public static ToneSpec of(int[] frequencies, int onMs, int offMs, int durationMs) {
        int[] cadence = offMs > 0 ? new int[] {onMs, offMs} : new int[0];
        return new ToneSpec(frequencies, cadence, durationMs > 0 ? Duration.ofMillis(durationMs) : null,
                DEFAULT_LEVEL);
    }

    public ToneSpec withDuration(Duration value) {
        return new ToneSpec(frequencies, cadenceMs, value, level);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ToneSpec t && Arrays.equals(frequencies, t.frequencies)
                && Arrays.equals(cadenceMs, t.cadenceMs) && Objects.equals(duration, t.duration) && level == t.level;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(frequencies), Arrays.hashCode(cadenceMs), duration, level);
    }

    @Override
    public String toString() {
        return "ToneSpec" + Arrays.toString(frequencies) + Arrays.toString(cadenceMs) + (duration == null ? ""
                : " " + duration.toMillis() + "ms");
    }
}
