package dev.switchboard.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import dev.switchboard.core.cdr.CallRecord;
import dev.switchboard.core.cdr.CallRecords;
import dev.switchboard.core.doc.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * Call records and traces in the {@code call_records} table, beside the documents. A page cursor is
 * {@code <start ms>:<id>} of the first row of the next page, since rows are ordered by start time, then id.
 */
public final class JdbcCallRecords implements CallRecords {
    private static final String INSERT =
            "INSERT INTO call_records (account_id, id, call_id, start_ms, cdr, trace) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String GET = "SELECT cdr FROM call_records WHERE account_id = ? AND id = ?";
    private static final String TRACE = """
            SELECT trace FROM call_records WHERE account_id = ? AND call_id = ? AND trace IS NOT NULL
            ORDER BY start_ms DESC LIMIT 1""";
    private static final String PAGE = """
            SELECT cdr, start_ms, id FROM call_records
            WHERE account_id = ? AND start_ms >= ? AND start_ms <= ? AND (start_ms < ? OR (start_ms = ? AND id <= ?))
            ORDER BY start_ms DESC, id DESC LIMIT ?""";
    private static final String PURGE_RECORDS = "DELETE FROM call_records WHERE start_ms < ?";
    private static final String PURGE_TRACES = "UPDATE call_records SET trace = NULL WHERE start_ms < ? AND trace IS NOT NULL";
    /** Above every id: ids are hex or the client's, all below U+FFFF. */
    private static final String LAST_ID = "\uffff";

    private final DataSource reads;
    private final DataSource writes;

    JdbcCallRecords(DataSource reads, DataSource writes) {
        this.reads = reads;
        this.writes = writes;
    }

    @Override
    public void save(CallRecord record, ObjectNode trace) {
        Sql.inTransaction(writes, c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                s.setString(1, record.accountId());
                s.setString(2, record.id());
                s.setString(3, record.callId());
                s.setLong(4, record.start().toEpochMilli());
                s.setString(5, Json.write(record.toJson()));
                s.setString(6, trace == null ? null : Json.write(trace));
                return s.executeUpdate();
            }
        });
    }

    @Override
    public Optional<CallRecord> get(String accountId, String id) {
        return Sql.query(reads, c -> {
            try (PreparedStatement s = c.prepareStatement(GET)) {
                s.setString(1, accountId);
                s.setString(2, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(CallRecord.fromJson(accountId, Json.parse(rs.getString(1))))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public Optional<ObjectNode> trace(String accountId, String callId) {
        return Sql.query(reads, c -> {
            try (PreparedStatement s = c.prepareStatement(TRACE)) {
                s.setString(1, accountId);
                s.setString(2, callId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of((ObjectNode) Json.parse(rs.getString(1))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Page list(String accountId, Instant from, Instant to, String startKey, int limit) {
        long cursorMs = Long.MAX_VALUE;
        String cursorId = LAST_ID;
        if (startKey != null) {
            int colon = startKey.indexOf(':');
            try {
                cursorMs = Long.parseLong(startKey.substring(0, Math.max(colon, 0)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a start key of this listing: " + startKey);
            }
            cursorId = startKey.substring(colon + 1);
        }
        long fromMs = from == null ? Long.MIN_VALUE : from.toEpochMilli();
        long toMs = to == null ? Long.MAX_VALUE : to.toEpochMilli();
        long ms = cursorMs;
        String id = cursorId;
        return Sql.query(reads, c -> {
            try (PreparedStatement s = c.prepareStatement(PAGE)) {
                s.setString(1, accountId);
                s.setLong(2, fromMs);
                s.setLong(3, toMs);
                s.setLong(4, ms);
                s.setLong(5, ms);
                s.setString(6, id);
                s.setInt(7, limit + 1);
                List<CallRecord> records = new ArrayList<>();
                String next = null;
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        if (records.size() == limit) {
                            next = rs.getLong(2) + ":" + rs.getString(3);
                            break;
                        }
                        records.add(CallRecord.fromJson(accountId, Json.parse(rs.getString(1))));
                    }
                }
                return new Page(records, next);
            }
        });
    }

    @Override
    public Purged purge(Instant recordsBefore, Instant tracesBefore) {
        return Sql.inTransaction(writes, c -> {
            int records;
            int traces;
            try (PreparedStatement s = c.prepareStatement(PURGE_RECORDS)) {
                s.setLong(1, recordsBefore.toEpochMilli());
                records = s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(PURGE_TRACES)) {
                s.setLong(1, tracesBefore.toEpochMilli());
                traces = s.executeUpdate();
            }
            return new Purged(records, traces);
        });
    }
}
