package dev.switchboard.store;

import java.io.IOException;
import java.time.Clock;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dev.switchboard.core.doc.DocumentIndexer;
import dev.switchboard.core.doc.DocumentStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The contract on a real PostgreSQL server, started for this class; a fresh database for every test. */
class PostgresDocumentStoreTest extends DocumentStoreContract {
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
        return Stores.open(TestPostgres.freshDatabase(postgres), indexer, clock);
    }

    @Override
    protected String expectedKind() {
        return "postgresql";
    }
}
