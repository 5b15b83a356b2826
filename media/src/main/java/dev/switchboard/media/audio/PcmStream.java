package dev.switchboard.media.audio;

import dev.switchboard.media.AudioStream;

/** Plays samples held in memory. */
public final class PcmStream implements AudioStream {
    private final short[] samples;
    private int position;

    public PcmStream(short[] samples) {
        this.samples = samples;
    }

    @Override
    public int read(short[] buffer, int offset, int length) {
        if (position >= samples.length) {
            return -1;
        }
        int n = Math.min(length, samples.length - position);
        System.arraycopy(samples, position, buffer, offset, n);
        position += n;
        return n;
    }
}
