package dev.switchboard.media.audio;

import dev.switchboard.media.AudioStream;
import dev.switchboard.media.ToneSpec;

/** Generates a {@link ToneSpec} sample by sample; phase runs on through the off parts so restarts do not click. */
public final class ToneStream implements AudioStream {
    private final double[] phaseSteps;
    private final int[] cadenceSamples;
    private final int cadenceTotal;
    private final long totalSamples;
    private final int level;
    private long position;

    public ToneStream(ToneSpec spec) {
        phaseSteps = new double[spec.frequencies().length];
        for (int i = 0; i < phaseSteps.length; i++) {
            phaseSteps[i] = 2 * Math.PI * spec.frequencies()[i] / 8000.0;
        }
        cadenceSamples = new int[spec.cadenceMs().length];
        int total = 0;
        for (int i = 0; i < cadenceSamples.length; i++) {
            cadenceSamples[i] = spec.cadenceMs()[i] * 8;
            total += cadenceSamples[i];
        }
        cadenceTotal = total;
        totalSamples = spec.duration() == null ? Long.MAX_VALUE : spec.duration().toMillis() * 8;
        level = spec.level();
    }

    @Override
    public int read(short[] buffer, int offset, int length) {
        if (position >= totalSamples) {
            return -1;
        }
        int n = (int) Math.min(length, totalSamples - position);
        for (int i = 0; i < n; i++) {
            buffer[offset + i] = sounding(position) ? sample(position) : 0;
            position++;
        }
        return n;
    }

    private boolean sounding(long sample) {
        if (cadenceTotal == 0) {
            return true;
        }
        long inCycle = sample % cadenceTotal;
        for (int i = 0; i < cadenceSamples.length; i++) {
            if (inCycle < cadenceSamples[i]) {
                return i % 2 == 0;
            }
            inCycle -= cadenceSamples[i];
        }
        return false;
    }

    private short sample(long sample) {
        double sum = 0;
        for (double step : phaseSteps) {
            sum += Math.sin(step * sample);
        }
        return (short) Math.round(sum * level);
    }
}
