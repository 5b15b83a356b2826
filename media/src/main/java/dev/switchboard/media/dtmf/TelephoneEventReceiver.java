package dev.switchboard.media.dtmf;

import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * Turns a stream of RFC 4733 packets into one key press per event: an event is identified by its RTP timestamp
 * (§2.5.1.1); it is reported when its first end packet arrives, and its retransmitted end packets (§2.5.1.4) are
 * ignored. An event whose end packets were all lost is reported when the next event starts or when it goes quiet.
 * Used from one I/O thread at a time, and {@link #expire} from the clock, hence synchronised.
 */
public final class TelephoneEventReceiver {
    private static final long QUIET_NANOS = Duration.ofMillis(500).toNanos();

    private final BiConsumer<Character, Duration> onKey;
    private long currentTimestamp = -1;
    private int currentEvent = -1;
    private int currentDuration;
    private boolean reported;
    private long lastPacketNanos;

    public TelephoneEventReceiver(BiConsumer<Character, Duration> onKey) {
        this.onKey = onKey;
    }

    public synchronized void receive(long rtpTimestamp, TelephoneEvent event, long nowNanos) {
        if (rtpTimestamp != currentTimestamp) {
            reportUnended();
            currentTimestamp = rtpTimestamp;
            currentEvent = event.event();
            reported = false;
        }
        lastPacketNanos = nowNanos;
        currentDuration = Math.max(currentDuration, event.duration());
        if (event.end() && !reported) {
            report();
        }
    }

    /** Reports an event that started but whose end never came and whose packets stopped. */
    public synchronized void expire(long nowNanos) {
        if (currentEvent >= 0 && !reported && nowNanos - lastPacketNanos > QUIET_NANOS) {
            report();
        }
    }

    private void reportUnended() {
        if (currentEvent >= 0 && !reported) {
            report();
        }
        currentDuration = 0;
    }

    private void report() {
        reported = true;
        int event = currentEvent;
        Duration duration = Duration.ofMillis(currentDuration / 8L);
        TelephoneEvent.keyOf(event).ifPresent(key -> onKey.accept(key, duration));
    }
}
