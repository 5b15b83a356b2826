package dev.switchboard.telephony;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchboard.core.call.CallInfo;
import dev.switchboard.core.call.Party;
import dev.switchboard.core.cdr.CallRecord;
import dev.switchboard.core.cdr.CallRecords;
import dev.switchboard.core.engine.Trace;
import dev.switchboard.core.engine.TraceJson;

/** Writes what an ended call leaves behind: its detail record and its step trace. */
public final class CallLog {
    /** Arrived from a carrier. */
    public static final String INBOUND = "inbound";
    /** From a device of the account, and it reached no carrier. */
    public static final String INTERNAL = "internal";
    /** From a device of the account, out through a carrier. */
    public static final String OUTBOUND = "outbound";

    private static final Logger LOG = LoggerFactory.getLogger(CallLog.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CallRecords records;

    public CallLog(CallRecords records) {
        this.records = records;
    }

    /**
     * @param caller    the caller ID the call arrived with
     * @param answer    when it was answered, null when never
     * @param direction {@link #INBOUND}, {@link #INTERNAL} or {@link #OUTBOUND}
     * @return the stored record; a store failure is logged and the record still returned, since a call that ended
     *         must not fail for its paperwork
     */
    public CallRecord ended(CallInfo info, Party caller, Instant start, Instant answer, Instant end, String hangupCause,
                            Trace trace, String direction) {
        CallRecord record = new CallRecord(newId(), info.accountId(), info.callId(),
                caller == null ? null : caller.number(), caller == null ? null : caller.name(), info.dialled(), start,
                answer, end.isBefore(start) ? start : end, hangupCause, trace.callflowId(), direction);
        try {
            records.save(record, TraceJson.render(trace));
        } catch (RuntimeException e) {
            LOG.atError().setMessage("cannot store the call record").addKeyValue("call_id", info.callId())
                    .addKeyValue("account_id", info.accountId()).setCause(e).log();
        }
        return record;
    }

    private static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
