package dev.switchboard.media;

import dev.switchboard.media.dtmf.Goertzel;

/** Measurements of test audio: energy and the dominant frequency. */
public final class Signals {
    private Signals() {
    }

    public static short[] sine(double frequency, double seconds, int sampleRate, double amplitude) {
        short[] out = new short[(int) (seconds * sampleRate)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * frequency * i / sampleRate));
        }
        return out;
    }

    public static double rms(short[] samples, int offset, int length) {
        double sum = 0;
        for (int i = offset; i < offset + length; i++) {
            sum += (double) samples[i] * samples[i];
        }
        return Math.sqrt(sum / Math.max(1, length));
    }

    public static double rms(short[] samples) {
        return rms(samples, 0, samples.length);
    }

    /** The strongest frequency between 100 and 3900 Hz, to the nearest 10 Hz, of 8 kHz audio. */
    public static int dominantFrequency(short[] samples, int offset, int length) {
        int best = 0;
        double bestPower = -1;
        for (int f = 100; f <= 3900; f += 10) {
            double p = Goertzel.power(samples, offset, length, f, 8000);
            if (p > bestPower) {
                bestPower = p;
                best = f;
            }
        }
        return best;
    }

    public static int dominantFrequency(short[] samples) {
        return dominantFrequency(samples, 0, samples.length);
    }
}
