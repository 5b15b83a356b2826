package dev.switchboard.media.audio;

/**
 * Band-limited resampling with a Kaiser-windowed sinc, cut off below the lower Nyquist frequency so that 44.1 kHz
 * music does not alias into the telephone band.
 */
public final class Resampler {
    private static final int ZERO_CROSSINGS = 12;
    private static final double KAISER_BETA = 7.0;
    private static final int TABLE_STEPS_PER_CROSSING = 512;
    /** The windowed sinc from 0 to {@link #ZERO_CROSSINGS}, tabulated once: the inner loop only interpolates. */
    private static final float[] KERNEL = kernelTable();

    private Resampler() {
    }

    public static float[] resample(float[] input, int fromRate, int toRate) {
        if (fromRate == toRate) {
            return input;
        }
        double ratio = (double) toRate / fromRate;
        double cutoff = Math.min(1.0, ratio) * 0.92;
        int outputLength = (int) Math.floor(input.length * ratio);
        float[] output = new float[outputLength];
        double halfWidth = ZERO_CROSSINGS / cutoff;
        for (int n = 0; n < outputLength; n++) {
            double centre = n / ratio;
            int first = (int) Math.ceil(centre - halfWidth);
            int last = (int) Math.floor(centre + halfWidth);
            double sum = 0;
            for (int k = Math.max(0, first); k <= Math.min(input.length - 1, last); k++) {
                sum += input[k] * kernel(Math.abs(k - centre) * cutoff);
            }
            output[n] = (float) (sum * cutoff);
        }
        return output;
    }

    public static short[] toPcm16(float[] samples) {
        short[] out = new short[samples.length];
        for (int i = 0; i < samples.length; i++) {
            double v = Math.round(samples[i] * 32768.0);
            out[i] = (short) Math.max(-32768, Math.min(32767, v));
        }
        return out;
    }

    private static double kernel(double crossings) {
        double position = crossings * TABLE_STEPS_PER_CROSSING;
        int index = (int) position;
        if (index >= KERNEL.length - 1) {
            return 0;
        }
        double fraction = position - index;
        return KERNEL[index] + (KERNEL[index + 1] - KERNEL[index]) * fraction;
    }

    private static float[] kernelTable() {
        float[] table = new float[ZERO_CROSSINGS * TABLE_STEPS_PER_CROSSING + 2];
        for (int i = 0; i < table.length; i++) {
            double x = (double) i / TABLE_STEPS_PER_CROSSING;
            table[i] = (float) (sinc(x) * kaiser(x / ZERO_CROSSINGS));
        }
        return table;
    }

    private static double sinc(double x) {
        if (Math.abs(x) < 1e-9) {
            return 1.0;
        }
        double px = Math.PI * x;
        return Math.sin(px) / px;
    }

    /** The Kaiser window at {@code t} in -1..1. */
    private static double kaiser(double t) {
        if (t <= -1 || t >= 1) {
            return 0;
        }
        return bessel0(KAISER_BETA * Math.sqrt(1 - t * t)) / bessel0(KAISER_BETA);
    }

    private static double bessel0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 30; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
            if (term < 1e-12 * sum) {
                break;
            }
        }
        return sum;
    }
}
