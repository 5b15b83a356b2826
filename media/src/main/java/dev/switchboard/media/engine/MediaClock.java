package dev.switchboard.media.engine;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one clock of all calls: a platform thread that ticks every 20 ms against {@link System#nanoTime()} (tick n is
 * due at start + n × 20 ms, so lateness never accumulates) and lets every session send its frame. A clock that
 * falls more than 200 ms behind (a stopped machine) skips ahead instead of sending a burst.
 */
final class MediaClock {
    static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long MAX_BEHIND_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final Logger log = LoggerFactory.getLogger(MediaClock.class);

    /** What the clock drives. */
    interface Ticking {
        /** Does this tick's work; packets to send go into {@code outbox}. */
        void tick(long tick, long dueNanos, Outbox outbox);
    }

    private final Iterable<? extends Ticking> sessions;
    private final MediaMetrics metrics;
    private final Outbox outbox;
    private final Thread thread;
    private volatile boolean running = true;

    MediaClock(Iterable<? extends Ticking> sessions, MediaMetrics metrics) {
        this.sessions = sessions;
        this.metrics = metrics;
        this.outbox = new Outbox(metrics);
        this.thread = Thread.ofPlatform().name("media-clock").daemon().priority(Thread.MAX_PRIORITY)
                .unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    void stop() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        long start = System.nanoTime();
        long tick = 0;
        while (running) {
            long due = start + tick * PERIOD_NANOS;
            long now = System.nanoTime();
            while (now < due && running) {
                LockSupport.parkNanos(due - now);
                now = System.nanoTime();
            }
            if (!running) {
                break;
            }
            long behind = now - due;
            if (behind > PERIOD_NANOS) {
                metrics.lateTicks.increment();
            }
            if (behind > MAX_BEHIND_NANOS) {
                long skip = behind / PERIOD_NANOS;
                metrics.skippedTicks.increment(skip);
                tick += skip;
                due = start + tick * PERIOD_NANOS;
            }
            for (Ticking session : sessions) {
                try {
                    session.tick(tick, due, outbox);
                } catch (RuntimeException e) {
                    log.atError().setCause(e).log("a session failed on the media clock");
                }
            }
            outbox.flush(due);
            metrics.ticks.increment();
            metrics.tickDuration.record(System.nanoTime() - now, TimeUnit.NANOSECONDS);
            tick++;
        }
    }
}
