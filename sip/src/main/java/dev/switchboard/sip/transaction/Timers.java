package dev.switchboard.sip.transaction;

import dev.switchboard.sip.SipConfig;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** The RFC 3261 timer values (from T1, T2, T4) and the scheduler they run on. */
final class Timers {
    final long t1;
    final long t2;
    final long t4;
    final long tryingDelay;
    private final ScheduledExecutorService scheduler;

    Timers(SipConfig config, ScheduledExecutorService scheduler) {
        this.t1 = config.t1().toMillis();
        this.t2 = config.t2().toMillis();
        this.t4 = config.t4().toMillis();
        this.tryingDelay = config.tryingDelay().toMillis();
        this.scheduler = scheduler;
    }

    /** Timers B, F, H, J (unreliable), L, M: 64*T1. */
    long timeout() {
        return 64 * t1;
    }

    ScheduledFuture<?> schedule(long millis, Runnable task) {
        return scheduler.schedule(task, millis, TimeUnit.MILLISECONDS);
    }

    static void cancel(ScheduledFuture<?> f) {
        if (f != null) f.cancel(false);
    }
}
