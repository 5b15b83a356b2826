package dev.switchboard.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.call.CallInfo;
import dev.switchboard.core.call.Party;
import dev.switchboard.core.cdr.CallRecord;
import dev.switchboard.core.engine.Trace;

class CallLogTest {
    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    private final CallInfo info = new CallInfo("abc@10.0.0.5", "acc1", "2000", Party.of("1001"), "dev1", "user1",
            false);

    @Test
    void anEndedCallLeavesARecordAndItsTrace() {
        MemoryCallRecords store = new MemoryCallRecords();
        CallRecord record = new CallLog(store).ended(info, new Party("1001", "Alice"), START, START.plusSeconds(4),
                START.plusSeconds(34), "NORMAL_CLEARING", new Trace(), CallLog.INTERNAL);

        assertThat(store.get("acc1", record.id())).contains(record);
        assertThat(record.id()).matches("[0-9a-f]{32}");
        assertThat(record.callerIdName()).isEqualTo("Alice");
        assertThat(record.calleeNumber()).isEqualTo("2000");
        assertThat(record.billingSeconds()).isEqualTo(30);
        assertThat(record.direction()).isEqualTo("internal");
        assertThat(store.trace("acc1", "abc@10.0.0.5")).hasValueSatisfying(t ->
                assertThat(t.path("steps").isArray()).isTrue());
    }

    @Test
    void aStoreThatFailsDoesNotFailTheCall() {
        MemoryCallRecords broken = new MemoryCallRecords() {
            @Override
            public void save(CallRecord record, tools.jackson.databind.node.ObjectNode trace) {
                throw new IllegalStateException("disk full");
            }
        };
        CallRecord record = new CallLog(broken).ended(info, Party.of("1001"), START, null, START.minusSeconds(1),
                "NO_ANSWER", new Trace(), CallLog.INTERNAL);
        assertThat(record.durationSeconds()).as("a clock step backwards gives 0, not a negative length").isZero();
    }
}
