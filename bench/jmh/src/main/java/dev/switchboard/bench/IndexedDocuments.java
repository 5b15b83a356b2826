package dev.switchboard.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.switchboard.core.doc.AttachmentStore;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.engine.AccountDocuments;
import tools.jackson.databind.node.ObjectNode;

/**
 * An account's documents in memory with a hash index per {@link DocumentIndexes} key, as a store's index would
 * be: the tests' MemoryDocuments scans every document per look-up, which would make a benchmark over 100,000
 * callflows measure that scan rather than the router.
 */
public final class IndexedDocuments implements AccountDocuments {
    private final String accountId;
    private final Map<String, Document> docs = new LinkedHashMap<>();
    private final Map<String, Map<String, List<Document>>> index = new HashMap<>();
    private final Map<String, AttachmentStore.Attachment> attachments = new HashMap<>();
    private final DocumentIndexes indexes = new DocumentIndexes();

    public IndexedDocuments(String accountId, ObjectNode account) {
        this.accountId = accountId;
        save("account", accountId, account);
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
    public List<Document> find(String indexName, String key) {
        return index.getOrDefault(indexName, Map.of()).getOrDefault(key, List.of());
    }

    @Override
    public List<Document> ofType(String type) {
        return docs.values().stream().filter(d -> d.type().equals(type)).toList();
    }

    @Override
    public Document save(String type, String id, ObjectNode body) {
        String docId = id != null ? id : UUID.randomUUID().toString().replace("-", "");
        Document previous = docs.get(docId);
        if (previous != null) {
            unindex(previous);
        }
        int rev = previous == null ? 1 : previous.revisionNumber() + 1;
        Document doc = new Document(accountId, docId, type, rev + "-b", 0, 0, false, body.deepCopy());
        docs.put(docId, doc);
        indexes.keys(type, doc.body()).forEach((name, keys) -> keys.forEach(key ->
                index.computeIfAbsent(name, n -> new HashMap<>()).computeIfAbsent(key, k -> new ArrayList<>()).add(doc)));
        return doc;
    }

    private void unindex(Document doc) {
        indexes.keys(doc.type(), doc.body()).forEach((name, keys) -> keys.forEach(key ->
                index.get(name).get(key).remove(doc)));
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
