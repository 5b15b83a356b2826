package dev.switchboard.core.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.switchboard.core.doc.AttachmentStore;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.AccountDocuments;
import tools.jackson.databind.node.ObjectNode;

/**
 * An account's documents in a map, indexed by the production {@link DocumentIndexes}: lets engine and action
 * tests run without a database (core has none); the API tests run the same engine on the real store.
 */
public final class MemoryDocuments implements AccountDocuments {
    private final String accountId;
    private final Map<String, Document> docs = new LinkedHashMap<>();
    private final Map<String, AttachmentStore.Attachment> attachments = new LinkedHashMap<>();
    private final DocumentIndexes indexes = new DocumentIndexes();

    public MemoryDocuments(ObjectNode account) {
        this.accountId = "acct" + UUID.randomUUID().toString().replace("-", "").substring(0, 28);
        docs.put(accountId, new Document(accountId, accountId, "account", "1-a", 0, 0, false, account));
    }

    public static MemoryDocuments withAccount() {
        return new MemoryDocuments(Json.object().put("name", "test").put("timezone", "America/New_York")
                .put("language", "en-us"));
    }

    /** Adds a document from JSON text; returns its id. */
    public String add(String type, String id, String json) {
        return save(type, id, (ObjectNode) Json.parse(json)).id();
    }

    @Override
    public String accountId() {
        return accountId;
    }

    @Override
    public Document account() {
        return docs.get(accountId);
    }

    @Override
    public Optional<Document> get(String id) {
        return Optional.ofNullable(id == null ? null : docs.get(id));
    }

    @Override
    public List<Document> find(String index, String key) {
        List<Document> found = new ArrayList<>();
        for (Document d : docs.values()) {
            if (indexes.keys(d.type(), d.body()).getOrDefault(index, java.util.Set.of()).contains(key)) {
                found.add(d);
            }
        }
        return found;
    }

    @Override
    public List<Document> ofType(String type) {
        return docs.values().stream().filter(d -> d.type().equals(type)).toList();
    }

    @Override
    public Document save(String type, String id, ObjectNode body) {
        String docId = id != null ? id : UUID.randomUUID().toString().replace("-", "");
        Document previous = docs.get(docId);
        int rev = previous == null ? 1 : previous.revisionNumber() + 1;
        Document doc = new Document(accountId, docId, type, rev + "-m", 0, 0, false, body.deepCopy());
        docs.put(docId, doc);
        return doc;
    }

    @Override
    public void putAttachment(String docId, String name, String contentType, byte[] bytes) {
        attachments.put(docId + "/" + name, new AttachmentStore.Attachment(contentType, bytes));
    }

    @Override
    public Optional<AttachmentStore.Attachment> attachment(String docId, String name) {
        return Optional.ofNullable(attachments.get(docId + "/" + name));
    }
}
