package dev.switchboard.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchboard.core.cdr.CallRecords;

/**
 * Drops call traces and detail records past their retention: at start, then every {@code period}. One daemon thread,
 * since a purge is a couple of DELETEs.
 */
final class CallRecordPurge implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CallRecordPurge.class);

    private final CallRecords records;
    private final Clock clock;
    private final Duration recordRetention;
    private final Duration traceRetention;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "call-record-purge");
        t.setDaemon(true);
        return t;
    });

    CallRecordPurge(CallRecords records, Clock clock, Duration recordRetention, Duration traceRetention) {
        this.records = records;
        this.clock = clock;
        this.recordRetention = recordRetention;
        this.traceRetention = traceRetention;
    }

    CallRecordPurge start(Duration period) {
        timer.scheduleWithFixedDelay(this::runLogged, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One purge now. */
    CallRecords.Purged run() {
        Instant now = clock.instant();
        return records.purge(now.minus(recordRetention), now.minus(traceRetention));
    }

    private void runLogged() {
        try {
            CallRecords.Purged purged = run();
            if (purged.records() > 0 || purged.traces() > 0) {
                LOG.atInfo().setMessage("purged old call records").addKeyValue("records", purged.records())
                        .addKeyValue("traces", purged.traces()).log();
            }
        } catch (RuntimeException e) {
            LOG.atWarn().setMessage("call record purge failed; trying again next period").setCause(e).log();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
