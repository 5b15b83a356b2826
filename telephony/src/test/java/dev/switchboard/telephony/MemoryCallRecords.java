package dev.switchboard.telephony;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.switchboard.core.cdr.CallRecord;
import dev.switchboard.core.cdr.CallRecords;
import tools.jackson.databind.node.ObjectNode;

/** Call records in memory, for tests of what a call leaves behind. */
class MemoryCallRecords implements CallRecords {
    final Map<String, CallRecord> records = new ConcurrentHashMap<>();
    final Map<String, ObjectNode> traces = new ConcurrentHashMap<>();

    @Override
    public void save(CallRecord record, ObjectNode trace) {
        records.put(record.id(), record);
        if (trace != null) {
            traces.put(record.accountId() + "/" + record.callId(), trace);
        }
    }

    @Override
    public Optional<CallRecord> get(String accountId, String id) {
        return Optional.ofNullable(records.get(id)).filter(r -> r.accountId().equals(accountId));
    }

    @Override
    public Optional<ObjectNode> trace(String accountId, String callId) {
        return Optional.ofNullable(traces.get(accountId + "/" + callId));
    }

    @Override
    public Page list(String accountId, Instant from, Instant to, String startKey, int limit) {
        List<CallRecord> all = new ArrayList<>(records.values().stream()
                .filter(r -> r.accountId().equals(accountId)).toList());
        all.sort(Comparator.comparing(CallRecord::start).reversed());
        return new Page(all.subList(0, Math.min(limit, all.size())), null);
    }

    @Override
    public Purged purge(Instant recordsBefore, Instant tracesBefore) {
        throw new UnsupportedOperationException("not used by these tests");
    }
}
