package dev.switchboard.media.dtmf;

import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * Hears DTMF in audio, for peers that send no telephone-events: Goertzel power at the eight Q.23 frequencies per
 * 20 ms frame; a key counts when one row and one column stand well above the rest and the pair's twist is
 * within Q.24 limits for two frames in a row; it is reported once, when it stops.
 */
public final class InbandDtmfDetector {
    private static final double MIN_POWER = 1e-4;
    private static final double DOMINANCE = 8.0;
    private static final double MAX_TWIST = 6.3;

    private final BiConsumer<Character, Duration> onKey;
    private char candidate;
    private int candidateFrames;
    private char sounding;
    private int soundingFrames;

    public InbandDtmfDetector(BiConsumer<Character, Duration> onKey) {
        this.onKey = onKey;
    }

    /** Feeds one frame of 8 kHz audio. */
    public void accept(short[] frame) {
        char key = detect(frame);
        if (key == candidate) {
            candidateFrames++;
        } else {
            candidate = key;
            candidateFrames = 1;
        }
        if (sounding != 0) {
            if (key == sounding || (key != 0 && candidateFrames < 2)) {
                soundingFrames++;
                return;
            }
            onKey.accept(sounding, Duration.ofMillis(soundingFrames * 20L));
            sounding = 0;
        }
        if (candidate != 0 && candidateFrames >= 2) {
            sounding = candidate;
            soundingFrames = candidateFrames;
        }
    }

    private static char detect(short[] frame) {
        int row = strongest(frame, DtmfTones.ROWS);
        int column = strongest(frame, DtmfTones.COLUMNS);
        if (row < 0 || column < 0) {
            return 0;
        }
        double rowPower = Goertzel.power(frame, 0, frame.length, DtmfTones.ROWS[row], 8000);
        double columnPower = Goertzel.power(frame, 0, frame.length, DtmfTones.COLUMNS[column], 8000);
        double twist = Math.max(rowPower, columnPower) / Math.min(rowPower, columnPower);
        if (twist > MAX_TWIST) {
            return 0;
        }
        // the tones must carry most of the frame's energy, or it is speech or music
        double total = 0;
        for (short s : frame) {
            total += (s / 32768.0) * (s / 32768.0);
        }
        total /= frame.length;
        if (2 * (rowPower + columnPower) < 0.5 * total) {
            return 0;
        }
        return DtmfTones.key(row, column);
    }

    private static int strongest(short[] frame, int[] frequencies) {
        double best = 0;
        double second = 0;
        int index = -1;
        for (int i = 0; i < frequencies.length; i++) {
            double p = Goertzel.power(frame, 0, frame.length, frequencies[i], 8000);
            if (p > best) {
                second = best;
                best = p;
                index = i;
            } else if (p > second) {
                second = p;
            }
        }
        return best >= MIN_POWER && best > DOMINANCE * second ? index : -1;
    }
}
