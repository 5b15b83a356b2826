package dev.switchboard.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.switchboard.core.registration.Binding;
import dev.switchboard.core.registration.Bindings;

/** Registrations in the {@code registrations} table, beside the documents. */
public final class JdbcBindings implements Bindings {
    private static final String COLUMNS =
            "account_id, device_id, contact_uri, transport, host, port, flow, expires_ms, call_id, cseq, user_agent";
    private static final String UPSERT = "INSERT INTO registrations (" + COLUMNS + """
            ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (account_id, device_id, contact_uri) DO UPDATE SET
            transport = excluded.transport, host = excluded.host, port = excluded.port, flow = excluded.flow,
            expires_ms = excluded.expires_ms, call_id = excluded.call_id, cseq = excluded.cseq,
            user_agent = excluded.user_agent""";
    private static final String DELETE =
            "DELETE FROM registrations WHERE account_id = ? AND device_id = ? AND contact_uri = ?";
    private static final String OF_DEVICE = "SELECT " + COLUMNS
            + " FROM registrations WHERE account_id = ? AND device_id = ? ORDER BY contact_uri";
    private static final String OF_ACCOUNT = "SELECT " + COLUMNS
            + " FROM registrations WHERE account_id = ? ORDER BY device_id, contact_uri";
    private static final String LIVE = "SELECT " + COLUMNS + " FROM registrations WHERE expires_ms > ?";
    private static final String PURGE = "DELETE FROM registrations WHERE expires_ms <= ?";

    private final DataSource reads;
    private final DataSource writes;

    JdbcBindings(DataSource reads, DataSource writes) {
        this.reads = reads;
        this.writes = writes;
    }

    @Override
    public void put(Binding b) {
        Sql.inTransaction(writes, c -> {
            try (PreparedStatement s = c.prepareStatement(UPSERT)) {
                s.setString(1, b.accountId());
                s.setString(2, b.deviceId());
                s.setString(3, b.contactUri());
                s.setString(4, b.transport());
                s.setString(5, b.host());
                s.setInt(6, b.port());
                s.setString(7, b.flow());
                s.setLong(8, b.expires().toEpochMilli());
                s.setString(9, b.callId());
                s.setLong(10, b.cseq());
                s.setString(11, b.userAgent());
                return s.executeUpdate();
            }
        });
    }

    @Override
    public void remove(String accountId, String deviceId, String contactUri) {
        Sql.inTransaction(writes, c -> {
            try (PreparedStatement s = c.prepareStatement(DELETE)) {
                s.setString(1, accountId);
                s.setString(2, deviceId);
                s.setString(3, contactUri);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public List<Binding> ofDevice(String accountId, String deviceId) {
        return select(OF_DEVICE, s -> {
            s.setString(1, accountId);
            s.setString(2, deviceId);
        });
    }

    @Override
    public List<Binding> ofAccount(String accountId) {
        return select(OF_ACCOUNT, s -> s.setString(1, accountId));
    }

    @Override
    public List<Binding> live(Instant now) {
        return select(LIVE, s -> s.setLong(1, now.toEpochMilli()));
    }

    @Override
    public int purgeExpired(Instant now) {
        return Sql.inTransaction(writes, c -> {
            try (PreparedStatement s = c.prepareStatement(PURGE)) {
                s.setLong(1, now.toEpochMilli());
                return s.executeUpdate();
            }
        });
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private List<Binding> select(String sql, Binder binder) {
        return Sql.query(reads, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                binder.bind(s);
                List<Binding> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Binding(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getInt(6), rs.getString(7), Instant.ofEpochMilli(rs.getLong(8)),
                                rs.getString(9), rs.getLong(10), rs.getString(11)));
                    }
                }
                return out;
            }
        });
    }
}
