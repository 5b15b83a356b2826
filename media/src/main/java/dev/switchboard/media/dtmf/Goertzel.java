package dev.switchboard.media.dtmf;

/** The Goertzel algorithm: the power of one frequency in a block of samples, cheaper than an FFT for a few tones. */
public final class Goertzel {
    private Goertzel() {
    }

    /**
     * The power of {@code frequency} in {@code samples[offset, offset + length)}, normalised so that a full-scale
     * sine gives about 0.25 whatever the block length.
     */
    public static double power(short[] samples, int offset, int length, double frequency, int sampleRate) {
        double coefficient = 2 * Math.cos(2 * Math.PI * frequency / sampleRate);
        double s1 = 0;
        double s2 = 0;
        for (int i = offset; i < offset + length; i++) {
            double s0 = samples[i] / 32768.0 + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        double power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
        return power / ((double) length * length);
    }
}
