package dev.switchboard.core.engine;

import java.util.List;
import java.util.Optional;

import dev.switchboard.core.doc.AttachmentStore;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentStore;
import dev.switchboard.core.doc.ListQuery;
import tools.jackson.databind.node.ObjectNode;

/** {@link AccountDocuments} on the real store. */
public final class StoreDocuments implements AccountDocuments {
    private final DocumentStore store;
    private final AttachmentStore attachments;
    private final String accountId;

    public StoreDocuments(DocumentStore store, AttachmentStore attachments, String accountId) {
        this.store = store;
        this.attachments = attachments;
        this.accountId = accountId;
    }

    @Override
    public String accountId() {
        return accountId;
    }

    @Override
    public Document account() {
        return store.get(accountId, accountId).orElseThrow();
    }

    @Override
    public Optional<Document> get(String id) {
        return id == null ? Optional.empty() : store.get(accountId, id).filter(d -> !d.deleted());
    }

    @Override
    public List<Document> find(String index, String key) {
        return store.findByIndex(accountId, index, key);
    }

    @Override
    public List<Document> ofType(String type) {
        return store.list(accountId, type, ListQuery.all()).documents();
    }

    @Override
    public Document save(String type, String id, ObjectNode body) {
        Optional<Document> existing = id == null ? Optional.empty() : store.get(accountId, id);
        if (existing.isPresent() && !existing.get().deleted()) {
            return store.update(accountId, id, null, body);
        }
        return store.create(accountId, type, id, body);
    }

    @Override
    public void putAttachment(String docId, String name, String contentType, byte[] bytes) {
        attachments.putAttachment(accountId, docId, name, contentType, bytes);
    }

    @Override
    public Optional<AttachmentStore.Attachment> attachment(String docId, String name) {
        return attachments.attachment(accountId, docId, name);
    }
}
