package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.core.cdr.CallRecord;
import dev.switchboard.core.cdr.CallRecords;
import dev.switchboard.core.doc.Json;
import tools.jackson.databind.node.ObjectNode;

/** What the call records table does, whatever database is under it. */
abstract class CallRecordsContract {
    private static final String ACCOUNT = "4a5c0f8e2b1d4c6e8f0a1b2c3d4e5f60";
    private static final String OTHER = "0b1c2d3e4f5061728394a5b6c7d8e9f0";
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    private JdbcDocumentStore store;
    private CallRecords records;

    protected abstract JdbcDocumentStore openStore(Clock clock);

    @BeforeEach
    void open() {
        store = openStore(Clock.systemUTC());
        records = store.callRecords();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static CallRecord record(String account, String id, String callId, Instant start) {
        return new CallRecord(id, account, callId, "+15555550100", "Caller", "2000", start, start.plusSeconds(2),
                start.plusSeconds(62), "NORMAL_CLEARING", "cf1", "inbound");
    }

    @Test
    void aRecordAndItsTraceReadBackAsWritten() {
        CallRecord written = record(ACCOUNT, "r1", "call-1@host", T0);
        ObjectNode trace = Json.object().put("callflow_id", "cf1");
        trace.putArray("steps").addObject().put("module", "menu");
        records.save(written, trace);

        assertThat(records.get(ACCOUNT, "r1")).contains(written);
        assertThat(records.get(OTHER, "r1")).isEmpty();
        assertThat(records.trace(ACCOUNT, "call-1@host")).contains(trace);
        assertThat(records.trace(OTHER, "call-1@host")).isEmpty();
        assertThat(written.durationSeconds()).isEqualTo(62);
        assertThat(written.billingSeconds()).isEqualTo(60);
    }

    @Test
    void listingsAreNewestFirstWithinTheRangeAndPageByCursor() {
        for (int i = 0; i < 7; i++) {
            records.save(record(ACCOUNT, "r" + i, "c" + i, T0.plusSeconds(60L * i)), null);
        }
        records.save(record(ACCOUNT, "same-a", "ca", T0.plusSeconds(600)), null);
        records.save(record(ACCOUNT, "same-b", "cb", T0.plusSeconds(600)), null);
        records.save(record(OTHER, "theirs", "cx", T0.plusSeconds(120)), null);

        List<String> seen = new ArrayList<>();
        String key = null;
        do {
            CallRecords.Page page = records.list(ACCOUNT, null, null, key, 4);
            page.records().forEach(r -> seen.add(r.id()));
            assertThat(page.records().size()).isLessThanOrEqualTo(4);
            key = page.nextStartKey();
        } while (key != null);
        assertThat(seen).containsExactly("same-b", "same-a", "r6", "r5", "r4", "r3", "r2", "r1", "r0");

        List<String> ranged = records.list(ACCOUNT, T0.plusSeconds(60), T0.plusSeconds(180), null, 50).records()
                .stream().map(CallRecord::id).toList();
        assertThat(ranged).containsExactly("r3", "r2", "r1");
        assertThatThrownBy(() -> records.list(ACCOUNT, null, null, "nonsense", 5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPurgeDropsOldTracesFirstAndOldRecordsLater() {
        records.save(record(ACCOUNT, "old", "c-old", T0), Json.object().put("callflow_id", "x"));
        records.save(record(ACCOUNT, "mid", "c-mid", T0.plusSeconds(3600)), Json.object().put("callflow_id", "y"));
        records.save(record(ACCOUNT, "new", "c-new", T0.plusSeconds(7200)), Json.object().put("callflow_id", "z"));

        CallRecords.Purged purged = records.purge(T0.plusSeconds(1), T0.plusSeconds(3601));

        assertThat(purged).isEqualTo(new CallRecords.Purged(1, 1));
        assertThat(records.get(ACCOUNT, "old")).isEmpty();
        assertThat(records.get(ACCOUNT, "mid")).isPresent();
        assertThat(records.trace(ACCOUNT, "c-mid")).isEmpty();
        assertThat(records.trace(ACCOUNT, "c-new")).isPresent();
    }
}
