package dev.switchboard.store;

import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.io.TempDir;

import dev.switchboard.core.doc.DocumentIndexer;
import dev.switchboard.core.doc.DocumentStore;

class SqliteDocumentStoreTest extends DocumentStoreContract {
    @TempDir
    Path directory;

    @Override
    protected DocumentStore openStore(DocumentIndexer indexer, Clock clock) {
        return Stores.open(StoreConfig.sqlite(directory.resolve("data/switchboard.db")), indexer, clock);
    }

    @Override
    protected String expectedKind() {
        return "sqlite";
    }
}
