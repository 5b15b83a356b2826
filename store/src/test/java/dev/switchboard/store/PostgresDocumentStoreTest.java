package dev.switchboard.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dev.switchboard.core.doc.DocumentIndexer;
import dev.switchboard.core.doc.DocumentStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The contract on a real PostgreSQL server, started for this class; a fresh database for every test. */
class PostgresDocumentStoreTest extends DocumentStoreContract {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = TestPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Override
    protected DocumentStore openStore(DocumentIndexer indexer, Clock clock) {
        String database = "test_" + DATABASES.incrementAndGet();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
        StoreConfig config = StoreConfig.postgresql(postgres.getJdbcUrl("postgres", database), "postgres", null);
        return Stores.open(config, indexer, clock);
    }

    @Override
    protected String expectedKind() {
        return "postgresql";
    }
}
