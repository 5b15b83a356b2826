package dev.switchboard.store;

import java.io.IOException;
import java.time.Clock;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dev.switchboard.core.doc.DocumentIndexes;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

class PostgresBindingsTest extends BindingsContract {
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
    protected JdbcDocumentStore openStore(Clock clock) {
        return Stores.open(TestPostgres.freshDatabase(postgres), new DocumentIndexes(), clock);
    }
}
