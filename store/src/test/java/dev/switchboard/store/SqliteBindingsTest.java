package dev.switchboard.store;

import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.io.TempDir;

import dev.switchboard.core.doc.DocumentIndexes;

class SqliteBindingsTest extends BindingsContract {
    @TempDir
    Path directory;

    @Override
    protected JdbcDocumentStore openStore(Clock clock) {
        return Stores.open(StoreConfig.sqlite(directory.resolve("switchboard.db")), new DocumentIndexes(), clock);
    }
}
