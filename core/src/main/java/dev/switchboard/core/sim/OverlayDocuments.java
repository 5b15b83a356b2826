package dev.switchboard.core.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.switchboard.core.doc.AttachmentStore;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.engine.AccountDocuments;
import tools.jackson.databind.node.ObjectNode;

/**
 * The account's documents as a simulated call sees them: reads go to the real ones, writes stay here, so a
 * simulation can log in a hot-desk or toggle do-not-disturb without changing anything for real calls.
 */
public final class OverlayDocuments implements AccountDocuments {
    private static final DocumentIndexes INDEXES = new DocumentIndexes();

    private final AccountDocuments real;
    private final Map<String, Document> written = new HashMap<>();
    private final Map<String, AttachmentStore.Attachment> attachments = new HashMap<>();

    public OverlayDocuments(AccountDocuments real) {
        this.real = real;
    }

    @Override
    public String accountId() {
        return real.accountId();
    }

    @Override
    public Document account() {
        return real.account();
    }

    @Override
    public Optional<Document> get(String id) {
        if (id != null && written.containsKey(id)) {
            return Optional.of(written.get(id));
        }
        return real.get(id);
    }

    /** The real documents found, with this call's own writes put in their place (or added, or left out). */
    @Override
    public List<Document> find(String index, String key) {
        List<Document> found = new ArrayList<>();
        for (Document d : real.find(index, key)) {
            if (!written.containsKey(d.id())) {
                found.add(d);
            }
        }
        for (Document d : written.values()) {
            if (INDEXES.keys(d.type(), d.body()).getOrDefault(index, Set.of()).contains(key)) {
                found.add(d);
            }
        }
        return found;
    }

    @Override
    public List<Document> ofType(String type) {
        List<Document> all = new ArrayList<>();
        for (Document d : real.ofType(type)) {
            all.add(written.getOrDefault(d.id(), d));
        }
        written.values().stream().filter(d -> d.type().equals(type) && all.stream().noneMatch(a -> a.id().equals(d.id())))
                .forEach(all::add);
        return all;
    }

    @Override
    public Document save(String type, String id, ObjectNode body) {
        String docId = id != null ? id : UUID.randomUUID().toString().replace("-", "");
        Document previous = get(docId).orElse(null);
        int revision = previous == null ? 1 : previous.revisionNumber() + 1;
        Document doc = new Document(accountId(), docId, type, revision + "-simulated",
                previous == null ? 0 : previous.created(), 0, false, body.deepCopy());
        written.put(docId, doc);
        return doc;
    }

    @Override
    public void putAttachment(String docId, String name, String contentType, byte[] bytes) {
        attachments.put(docId + "/" + name, new AttachmentStore.Attachment(contentType, bytes));
    }

    @Override
    public Optional<AttachmentStore.Attachment> attachment(String docId, String name) {
        AttachmentStore.Attachment mine = attachments.get(docId + "/" + name);
        return mine != null ? Optional.of(mine) : real.attachment(docId, name);
    }
}
