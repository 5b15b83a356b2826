package dev.switchboard.media.audio;

import dev.switchboard.media.AudioContext;
import dev.switchboard.media.AudioSource;
import dev.switchboard.media.AudioStream;
import java.io.IOException;

/**
 * Repeats a source. The first pass is recorded into memory so that later passes need no re-opening on the clock; an
 * endless source (a steady tone) simply never reaches a second pass.
 */
public final class LoopStream implements AudioStream {
    private static final int MAX_REMEMBERED = 8000 * 60 * 10;

    private final AudioStream first;
    private short[] remembered = new short[8000];
    private int rememberedLength;
    private boolean firstDone;
    private int remainingPasses;
    private int position;

    private LoopStream(AudioStream first, int passes) {
        this.first = first;
        this.remainingPasses = passes;
    }

    public static AudioStream open(AudioSource source, int times, AudioContext context) throws IOException {
        if (times <= 0) {
            return new PcmStream(new short[0]);
        }
        return new LoopStream(source.open(context), times);
    }

    @Override
    public int read(short[] buffer, int offset, int length) {
        if (!firstDone) {
            int n = first.read(buffer, offset, length);
            if (n > 0) {
                remember(buffer, offset, n);
                return n;
            }
            firstDone = true;
            first.close();
            remainingPasses--;
        }
        if (remainingPasses <= 0 || rememberedLength == 0) {
            return -1;
        }
        if (position >= rememberedLength) {
            position = 0;
            remainingPasses--;
            if (remainingPasses <= 0) {
                return -1;
            }
        }
        int n = Math.min(length, rememberedLength - position);
        System.arraycopy(remembered, position, buffer, offset, n);
        position += n;
        return n;
    }

    private void remember(short[] buffer, int offset, int n) {
        if (rememberedLength + n > MAX_REMEMBERED) {
            return;
        }
        if (rememberedLength + n > remembered.length) {
            remembered = java.util.Arrays.copyOf(remembered, Math.max(remembered.length * 2, rememberedLength + n));
        }
        System.arraycopy(buffer, offset, remembered, rememberedLength, n);
        rememberedLength += n;
    }

    @Override
    public void close() {
        first.close();
    }
}
