package dev.switchboard.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import dev.switchboard.core.doc.AttachmentStore;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentIndexer;
import dev.switchboard.core.doc.DocumentNotFound;
import dev.switchboard.core.doc.DocumentStore;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.doc.ListQuery;
import dev.switchboard.core.doc.Page;
import dev.switchboard.core.doc.RevisionConflict;
import tools.jackson.databind.node.ObjectNode;

/**
 * The document store, and the attachments of its documents, on SQLite or PostgreSQL; the SQL is the same on both. Writes go through {@code writes}, which
 * on SQLite is a single connection, so writers queue in the JVM instead of failing with SQLITE_BUSY.
 */
public final class JdbcDocumentStore implements DocumentStore, AttachmentStore {
    private static final String COLUMNS = "account_id, id, type, rev, created, modified, deleted, body";
    private static final String GET = "SELECT " + COLUMNS + " FROM documents WHERE account_id = ? AND id = ?";
    private static final String CURRENT =
            "SELECT type, rev_number, rev, created, deleted, body FROM documents WHERE account_id = ? AND id = ?";
    private static final String INSERT = """
            INSERT INTO documents (account_id, id, type, rev_number, rev, created, modified, deleted, body)
            VALUES (?, ?, ?, 1, ?, ?, ?, FALSE, ?)
            ON CONFLICT (account_id, id) DO NOTHING""";
    private static final String OVERWRITE = """
            UPDATE documents SET rev_number = ?, rev = ?, modified = ?, deleted = ?, body = ?
            WHERE account_id = ? AND id = ? AND rev = ? AND deleted = FALSE""";
    private static final String COUNT =
            "SELECT COUNT(*) FROM documents WHERE account_id = ? AND type = ? AND deleted = FALSE";
    private static final String DELETE_KEYS = "DELETE FROM document_index WHERE account_id = ? AND doc_id = ?";
    private static final String INSERT_KEY =
            "INSERT INTO document_index (account_id, index_name, index_key, doc_id) VALUES (?, ?, ?, ?)";
    private static final String FIND = """
            SELECT d.account_id, d.id, d.type, d.rev, d.created, d.modified, d.deleted, d.body
            FROM document_index i JOIN documents d ON d.account_id = i.account_id AND d.id = i.doc_id
            WHERE i.index_name = ? AND i.index_key = ? AND d.deleted = FALSE""";
    /** The key index's own columns, equal to (d.account_id, d.id): the look-up reads it in order, no sorting. */
    private static final String FIND_ORDER = " ORDER BY i.account_id, i.doc_id";
    private static final String PUT_ATTACHMENT = """
            INSERT INTO attachments (account_id, doc_id, name, content_type, bytes) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (account_id, doc_id, name) DO UPDATE SET content_type = excluded.content_type,
            bytes = excluded.bytes""";
    private static final String GET_ATTACHMENT =
            "SELECT content_type, bytes FROM attachments WHERE account_id = ? AND doc_id = ? AND name = ?";
    private static final String DELETE_ATTACHMENT =
            "DELETE FROM attachments WHERE account_id = ? AND doc_id = ? AND name = ?";
    /** Rows a listing fetches at a time: twice the page, so that a filter dropping half still fills it at once. */
    private static final int SMALLEST_BATCH = 100;
    private static final int LARGEST_BATCH = 1000;

    private final Dialect dialect;
    private final HikariDataSource reads;
    private final HikariDataSource writes;
    private final DocumentIndexer indexer;
    private final Clock clock;
    private final JdbcCallRecords callRecords;
    private final JdbcBindings bindings;

    JdbcDocumentStore(Dialect dialect, HikariDataSource reads, HikariDataSource writes, DocumentIndexer indexer,
                      Clock clock) {
        this.dialect = dialect;
        this.reads = reads;
        this.writes = writes;
        this.indexer = indexer;
        this.clock = clock;
        this.callRecords = new JdbcCallRecords(reads, writes);
        this.bindings = new JdbcBindings(reads, writes);
    }

    /** The registered contacts of devices, in the same database. */
    public JdbcBindings bindings() {
        return bindings;
    }

    /** The records and traces of ended calls, in the same database. */
    public JdbcCallRecords callRecords() {
        return callRecords;
    }

    @Override
    public Optional<Document> get(String accountId, String id) {
        return query(reads, c -> {
            try (PreparedStatement s = c.prepareStatement(GET)) {
                s.setString(1, accountId);
                s.setString(2, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(document(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Document create(String accountId, String type, String id, ObjectNode body) {
        String docId = id == null ? Revisions.newId() : id;
        String text = Json.write(body);
        long now = now();
        Document created = new Document(accountId, docId, type, Revisions.revision(1, text), now, now, false,
                parse(text));
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                s.setString(1, accountId);
                s.setString(2, docId);
                s.setString(3, type);
                s.setString(4, created.rev());
                s.setLong(5, now);
                s.setLong(6, now);
                s.setString(7, text);
                if (s.executeUpdate() == 0) {
                    throw new RevisionConflict("document " + docId + " already exists in account " + accountId);
                }
            }
            insertKeys(c, created);
            return created;
        });
    }

    @Override
    public Document update(String accountId, String id, String expectedRev, ObjectNode body) {
        String text = Json.write(body);
        return rewrite(accountId, id, expectedRev, false, current -> text);
    }

    @Override
    public Document delete(String accountId, String id, String expectedRev) {
        return rewrite(accountId, id, expectedRev, true, Current::body);
    }

    @Override
    public Page list(String accountId, String type, ListQuery query) {
        int batch = Math.clamp(2L * query.limit(), SMALLEST_BATCH, LARGEST_BATCH);
        return query(reads, c -> {
            List<Document> page = new ArrayList<>();
            String from = query.startKey();
            boolean inclusive = true;
            while (true) {
                int scanned = 0;
                try (PreparedStatement s = c.prepareStatement(listSql(query.descending(), from != null, inclusive))) {
                    int p = 1;
                    s.setString(p++, accountId);
                    s.setString(p++, type);
                    if (from != null) {
                        s.setString(p++, from);
                    }
                    s.setInt(p, batch);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            scanned++;
                            Document doc = document(rs);
                            from = doc.id();
                            inclusive = false;
                            if (!query.filter().test(doc)) {
                                continue;
                            }
                            if (page.size() == query.limit()) {
                                return new Page(page, doc.id());
                            }
                            page.add(doc);
                        }
                    }
                }
                if (scanned < batch) {
                    return new Page(page, null);
                }
            }
        });
    }

    @Override
    public List<Document> findByIndex(String accountId, String index, String key) {
        String sql = accountId == null ? FIND + FIND_ORDER : FIND + " AND i.account_id = ?" + FIND_ORDER;
        return query(reads, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, index);
                s.setString(2, key);
                if (accountId != null) {
                    s.setString(3, accountId);
                }
                List<Document> found = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(document(rs));
                    }
                }
                return found;
            }
        });
    }

    @Override
    public long count(String accountId, String type) {
        return query(reads, c -> {
            try (PreparedStatement s = c.prepareStatement(COUNT)) {
                s.setString(1, accountId);
                s.setString(2, type);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public String kind() {
        return dialect.kind;
    }

    @Override
    public void close() {
        reads.close();
        writes.close();
    }

    /**
     * Writes the next revision of a live document. The UPDATE names the revision just read, so of two racing
     * writers only one changes the row; the other reads again and then fails on the revision it expected, or,
     * expecting none, writes over the winner.
     */
    private Document rewrite(String accountId, String id, String expectedRev, boolean delete,
                             Function<Current, String> bodyText) {
        return inTransaction(c -> {
            while (true) {
                Current current = live(c, accountId, id, expectedRev);
                String text = bodyText.apply(current);
                Document next = new Document(accountId, id, current.type(),
                        Revisions.revision(current.revNumber() + 1, text), current.created(), now(), delete,
                        parse(text));
                if (overwrite(c, current, next, text)) {
                    deleteKeys(c, next);
                    insertKeys(c, next);
                    return next;
                }
            }
        });
    }

    private static Current live(Connection c, String accountId, String id, String expectedRev) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(CURRENT)) {
            s.setString(1, accountId);
            s.setString(2, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || rs.getBoolean("deleted")) {
                    throw new DocumentNotFound(id);
                }
                String rev = rs.getString("rev");
                if (expectedRev != null && !expectedRev.equals(rev)) {
                    throw new RevisionConflict("document " + id + " is at revision " + rev + ", not " + expectedRev);
                }
                return new Current(rs.getString("type"), rs.getInt("rev_number"), rev, rs.getLong("created"),
                        rs.getString("body"));
            }
        }
    }

    private static boolean overwrite(Connection c, Current current, Document next, String text) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(OVERWRITE)) {
            s.setInt(1, current.revNumber() + 1);
            s.setString(2, next.rev());
            s.setLong(3, next.modified());
            s.setBoolean(4, next.deleted());
            s.setString(5, text);
            s.setString(6, next.accountId());
            s.setString(7, next.id());
            s.setString(8, current.rev());
            return s.executeUpdate() == 1;
        }
    }

    private static void deleteKeys(Connection c, Document doc) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(DELETE_KEYS)) {
            s.setString(1, doc.accountId());
            s.setString(2, doc.id());
            s.executeUpdate();
        }
    }

    private void insertKeys(Connection c, Document doc) throws SQLException {
        if (doc.deleted()) {
            return;
        }
        Map<String, Set<String>> keys = indexer.keys(doc.type(), doc.body());
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(INSERT_KEY)) {
            for (Map.Entry<String, Set<String>> index : keys.entrySet()) {
                for (String key : index.getValue()) {
                    s.setString(1, doc.accountId());
                    s.setString(2, index.getKey());
                    s.setString(3, key);
                    s.setString(4, doc.id());
                    s.addBatch();
                }
            }
            s.executeBatch();
        }
    }

    /** One page's query: ids from the start key on (inclusive on the first batch, after the last id seen later). */
    @Override
    public void putAttachment(String accountId, String docId, String name, String contentType, byte[] bytes) {
        inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(PUT_ATTACHMENT)) {
                ps.setString(1, accountId);
                ps.setString(2, docId);
                ps.setString(3, name);
                ps.setString(4, contentType);
                ps.setBytes(5, bytes);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Attachment> attachment(String accountId, String docId, String name) {
        return query(reads, c -> {
            try (PreparedStatement ps = c.prepareStatement(GET_ATTACHMENT)) {
                ps.setString(1, accountId);
                ps.setString(2, docId);
                ps.setString(3, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Attachment(rs.getString(1), rs.getBytes(2))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void deleteAttachment(String accountId, String docId, String name) {
        inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(DELETE_ATTACHMENT)) {
                ps.setString(1, accountId);
                ps.setString(2, docId);
                ps.setString(3, name);
                return ps.executeUpdate();
            }
        });
    }

    private static String listSql(boolean descending, boolean bounded, boolean inclusive) {
        String bound = !bounded ? "" : " AND id " + (descending ? "<" : ">") + (inclusive ? "=" : "") + " ?";
        return "SELECT " + COLUMNS + " FROM documents WHERE account_id = ? AND type = ? AND deleted = FALSE" + bound
                + " ORDER BY id" + (descending ? " DESC" : "") + " LIMIT ?";
    }

    private <T> T inTransaction(Sql.Work<T> work) {
        return Sql.inTransaction(writes, work);
    }

    private static <T> T query(DataSource source, Sql.Work<T> work) {
        return Sql.query(source, work);
    }

    private long now() {
        return clock.instant().getEpochSecond() + Document.GREGORIAN_UNIX_OFFSET;
    }

    private static Document document(ResultSet rs) throws SQLException {
        return new Document(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getLong(6), rs.getBoolean(7), parse(rs.getString(8)));
    }

    /** The body as a reader will see it, independent of the node the writer passed in. */
    private static ObjectNode parse(String text) {
        return (ObjectNode) Json.parse(text);
    }

    /** The stored revision a write replaces. */
    private record Current(String type, int revNumber, String rev, long created, String body) {
    }
}
