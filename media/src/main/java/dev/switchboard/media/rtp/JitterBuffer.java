package dev.switchboard.media.rtp;

import java.util.Arrays;
import java.util.TreeMap;

/**
 * Puts received audio back in sequence order for whoever consumes it at the clock's pace (the recorder, the in-band
 * DTMF detector): reorders, waits up to {@code depth} packets for a late one, then fills the gap by repeating the
 * previous packet at half level (a simple packet-loss concealment), and drops what arrives after its turn.
 * Thread-safe: packets arrive on an I/O thread, frames are taken on the media clock.
 */
public final class JitterBuffer {
    private static final int MAX_PACKETS = 100;
    private static final int RESYNC_DISTANCE = 1000;

    private final int depth;
    private final TreeMap<Long, short[]> packets = new TreeMap<>();
    private long nextSequence = -1;
    private long highestSequence = -1;
    private boolean started;
    private short[] current;
    private int currentOffset;
    private short[] previous = new short[0];
    private long lost;
    private long late;

    public JitterBuffer(int depth) {
        this.depth = depth;
    }

    /** A packet that carries no audio (a telephone-event, comfort noise) but keeps the sequence continuous. */
    public static final short[] NO_AUDIO = new short[0];

    /**
     * Adds a decoded packet, or {@link #NO_AUDIO}.
     *
     * @param sequence the 16-bit RTP sequence number
     */
    public synchronized void put(int sequence, short[] samples) {
        long extended = extend(sequence);
        if (nextSequence >= 0 && extended < nextSequence) {
            late++;
            return;
        }
        if (packets.size() >= MAX_PACKETS) {
            packets.pollFirstEntry();
        }
        packets.put(extended, samples);
        if (nextSequence < 0) {
            nextSequence = extended;
        }
        highestSequence = Math.max(highestSequence, extended);
        if (!started && packets.size() >= depth) {
            started = true;
        }
    }

    /** Widens a 16-bit sequence number to the one nearest the highest seen, so wrap-around keeps the order. */
    private long extend(int sequence) {
        if (highestSequence < 0) {
            return sequence + 65536L;
        }
        long cycle = highestSequence & ~0xFFFFL;
        long candidate = cycle | sequence;
        if (candidate - highestSequence > 32768) {
            candidate -= 65536;
        } else if (highestSequence - candidate > 32768) {
            candidate += 65536;
        }
        if (Math.abs(candidate - highestSequence) > RESYNC_DISTANCE) {
            reset();
            return sequence + 65536L;
        }
        return candidate;
    }

    /**
     * Fills {@code frame} with the next samples in order.
     *
     * @return false when nothing was there to play (not started yet, or the sender paused): the frame is silence
     */
    public synchronized boolean take(short[] frame) {
        int filled = 0;
        while (filled < frame.length) {
            if (current == null && !advance()) {
                break;
            }
            int n = Math.min(frame.length - filled, current.length - currentOffset);
            System.arraycopy(current, currentOffset, frame, filled, n);
            filled += n;
            currentOffset += n;
            if (currentOffset >= current.length) {
                if (current.length > 0) {
                    previous = current;
                }
                current = null;
            }
        }
        Arrays.fill(frame, filled, frame.length, (short) 0);
        return filled > 0;
    }

    private boolean advance() {
        if (!started || packets.isEmpty()) {
            return false;
        }
        short[] next = packets.remove(nextSequence);
        if (next == null) {
            if (packets.size() < depth) {
                return false;
            }
            long gap = packets.firstKey() - nextSequence;
            if (gap > depth) {
                lost += gap;
                // a long gap (the sender stopped sending for a while) is not concealed but skipped
                nextSequence = packets.firstKey();
                next = packets.remove(nextSequence);
            } else {
                // the packet we wait for is later than the buffer's depth allows: conceal it
                lost++;
                next = concealment();
            }
        }
        nextSequence++;
        current = next;
        currentOffset = 0;
        return true;
    }

    private short[] concealment() {
        short[] out = new short[previous.length == 0 ? 160 : previous.length];
        for (int i = 0; i < previous.length; i++) {
            out[i] = (short) (previous[i] / 2);
        }
        return out;
    }

    /** Forgets everything, as at the start of a new stream. */
    public synchronized void reset() {
        packets.clear();
        nextSequence = -1;
        highestSequence = -1;
        started = false;
        current = null;
        previous = new short[0];
    }

    /** Packets concealed because they never came in time. */
    public synchronized long lost() {
        return lost;
    }

    /** Packets dropped because they came after their turn. */
    public synchronized long late() {
        return late;
    }
}
