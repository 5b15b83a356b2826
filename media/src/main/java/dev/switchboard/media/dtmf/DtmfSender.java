package dev.switchboard.media.dtmf;

import dev.switchboard.media.ToneSpec;
import dev.switchboard.media.audio.ToneStream;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Sends keys one tick at a time: as RFC 4733 events (a packet per tick with the growing duration, the first with the
 * marker bit, then the end packet three times, §2.5.1.4) or as in-band Q.23 tones, each key followed by a pause.
 * {@link #next} runs on the media clock; {@link #enqueue} on any thread.
 */
public final class DtmfSender {
    private static final int END_PACKETS = 3;
    private static final int PAUSE_TICKS = 3;
    private static final int MIN_TONE_TICKS = 2;

    /** What to send on this tick. */
    public enum Kind { IDLE, PAUSE, EVENT, TONE }

    /** The result of a tick; {@code payload}, {@code marker} and {@code eventTimestamp} matter for EVENT only. */
    public record Step(Kind kind, byte[] payload, boolean marker, long eventTimestamp) {
        static final Step IDLE = new Step(Kind.IDLE, null, false, 0);
        static final Step PAUSE = new Step(Kind.PAUSE, null, false, 0);
        static final Step TONE = new Step(Kind.TONE, null, false, 0);
    }

    private record Job(String keys, int toneTicks, CompletableFuture<Void> done) {
    }

    private final Queue<Job> jobs = new ConcurrentLinkedQueue<>();
    private Job job;
    private int keyIndex;
    private int tick;
    private long eventTimestamp;
    private ToneStream tone;

    /**
     * Queues keys to send after those already queued.
     *
     * @throws IllegalArgumentException when a character is not a DTMF key
     */
    public CompletableFuture<Void> enqueue(String keys, Duration toneLength) {
        for (char c : keys.toCharArray()) {
            if (TelephoneEvent.codeOf(c) < 0) {
                throw new IllegalArgumentException("'" + c + "' is not a DTMF key (0-9, *, #, A-D)");
            }
        }
        int ticks = (int) Math.max(MIN_TONE_TICKS, (toneLength.toMillis() + 19) / 20);
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (keys.isEmpty()) {
            done.complete(null);
            return done;
        }
        jobs.add(new Job(keys.toUpperCase(java.util.Locale.ROOT), ticks, done));
        return done;
    }

    public boolean busy() {
        return job != null || !jobs.isEmpty();
    }

    /**
     * The next tick's step.
     *
     * @param timestamp the RTP timestamp of this tick's audio
     * @param events    whether the peer takes telephone-events (else tones are written into {@code frame})
     */
    public Step next(long timestamp, boolean events, short[] frame) {
        if (job == null) {
            job = jobs.poll();
            if (job == null) {
                return Step.IDLE;
            }
            keyIndex = 0;
            tick = 0;
        }
        char key = job.keys().charAt(keyIndex);
        int toneTicks = job.toneTicks();
        Step step;
        if (tick == 0) {
            eventTimestamp = timestamp;
            tone = new ToneStream(new ToneSpec(DtmfTones.frequencies(key), new int[0], null, 7000));
        }
        if (tick < toneTicks) {
            if (events) {
                int duration = (tick + 1) * 160;
                step = new Step(Kind.EVENT, event(key, false, duration), tick == 0, eventTimestamp);
            } else {
                tone.read(frame, 0, frame.length);
                step = Step.TONE;
            }
        } else if (tick < toneTicks + END_PACKETS) {
            step = events
                    ? new Step(Kind.EVENT, event(key, true, toneTicks * 160), false, eventTimestamp)
                    : Step.PAUSE;
        } else {
            step = Step.PAUSE;
        }
        tick++;
        if (tick >= toneTicks + END_PACKETS + PAUSE_TICKS) {
            tick = 0;
            keyIndex++;
            if (keyIndex >= job.keys().length()) {
                Job finished = job;
                job = null;
                finished.done().complete(null);
            }
        }
        return step;
    }

    /** Ends every queued job (the session closed); their futures complete. */
    public void cancelAll() {
        if (job != null) {
            job.done().complete(null);
            job = null;
        }
        Job pending;
        while ((pending = jobs.poll()) != null) {
            pending.done().complete(null);
        }
    }

    private static byte[] event(char key, boolean end, int duration) {
        return new TelephoneEvent(TelephoneEvent.codeOf(key), end, 10, Math.min(duration, 0xFFFF)).encode();
    }
}
