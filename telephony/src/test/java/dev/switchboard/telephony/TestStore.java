package dev.switchboard.telephony;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.doc.Json;
import dev.switchboard.store.JdbcDocumentStore;
import dev.switchboard.store.StoreConfig;
import dev.switchboard.store.Stores;
import tools.jackson.databind.node.ObjectNode;

/** A fresh SQLite store in a temp folder, with helpers to add accounts and documents as JSON text. */
public final class TestStore implements AutoCloseable {
    public final JdbcDocumentStore store;

    public TestStore(Clock clock) {
        try {
            Path dir = Files.createTempDirectory("switchboard-telephony");
            store = Stores.open(StoreConfig.sqlite(dir.resolve("test.db")), new DocumentIndexes(), clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Document account(String name, String realm) {
        String id = name + "0000000000000000000000000000".substring(name.length());
        return store.create(id, "account", id, Json.object().put("name", name).put("realm", realm));
    }

    public Document add(Document account, String type, String json) {
        return store.create(account.id(), type, null, (ObjectNode) Json.parse(json));
    }

    @Override
    public void close() {
        store.close();
    }
}
