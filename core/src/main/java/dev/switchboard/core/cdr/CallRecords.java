package dev.switchboard.core.cdr;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.node.ObjectNode;

/**
 * Where ended calls are kept: one detail record per call and its step trace, per account, listed newest first.
 * Both are written once; traces are dropped sooner than records ({@link #purge}).
 */
public interface CallRecords {

    /**
     * @param records    newest first
     * @param nextStartKey the cursor of the next page, null on the last
     */
    record Page(List<CallRecord> records, String nextStartKey) {
    }

    /** How many rows a purge removed. */
    record Purged(int records, int traces) {
    }

    /** Stores a record and its trace ({@link dev.switchboard.core.engine.TraceJson}); trace may be null. */
    void save(CallRecord record, ObjectNode trace);

    Optional<CallRecord> get(String accountId, String id);

    /** The trace of a call by its call id; empty when unknown or already purged. */
    Optional<ObjectNode> trace(String accountId, String callId);

    /**
     * Records of an account that started within [{@code from}, {@code to}] (either may be null), newest first.
     *
     * @param startKey a {@link Page#nextStartKey()} from an earlier page, or null for the first page
     * @throws IllegalArgumentException when {@code startKey} is not a cursor this store gave out
     */
    Page list(String accountId, Instant from, Instant to, String startKey, int limit);

    /** Deletes records that started before {@code recordsBefore} and the traces of calls before {@code tracesBefore}. */
    Purged purge(Instant recordsBefore, Instant tracesBefore);
}
