package dev.switchboard.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchboard.core.doc.AttachmentStore;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentNotFound;
import dev.switchboard.core.doc.DocumentStore;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.doc.ListQuery;
import dev.switchboard.core.doc.RevisionConflict;
import dev.switchboard.core.engine.Notice;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * E-mails waiting to be delivered, as {@value #TYPE} documents of the {@value #ACCOUNT} account in the document
 * store: one durable write per e-mail, on SQLite and PostgreSQL alike, with no table of its own. Files given with
 * the e-mail are attachments of its document, written first; audio already in the store is named, not copied.
 * Delivered e-mails are deleted; those given up on stay, {@code status: failed}, for an operator to see.
 * Nodes sharing a store take an e-mail by writing a claim on its revision, so one of them sends it.
 */
final class Outbox {
    static final String ACCOUNT = "system";
    static final String TYPE = "outbound_email";
    static final String PENDING = "pending";
    static final String FAILED = "failed";
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    /** A file ready to attach. */
    record File(String filename, String contentType, byte[] bytes) {
    }

    private final DocumentStore store;
    private final AttachmentStore attachments;

    Outbox(DocumentStore store, AttachmentStore attachments) {
        this.store = store;
        this.attachments = attachments;
    }

    /** Writes the e-mail, its files first; once this returns, the e-mail survives a crash. */
    Document add(Notice notice, RenderedEmail email, Instant now) {
        String id = UUID.randomUUID().toString().replace("-", "");
        ArrayNode files = Json.array();
        for (Notice.Attachment attachment : notice.attachments()) {
            ObjectNode file = files.addObject().put("filename", attachment.filename());
            switch (attachment) {
                case Notice.Inline inline -> {
                    String name = "file" + (files.size() - 1);
                    attachments.putAttachment(ACCOUNT, id, name, inline.contentType(), inline.bytes());
                    file.put("name", name);
                }
                case Notice.Stored stored -> file.put("account_id", stored.accountId())
                        .put("document_id", stored.documentId()).put("name", stored.name());
            }
        }
        ObjectNode body = Json.object().put("template", notice.template()).put("status", PENDING)
                .put("subject", email.subject()).put("text", email.text());
        if (email.html() != null) {
            body.put("html", email.html());
        }
        ArrayNode to = body.putArray("to");
        notice.to().forEach(to::add);
        body.set("attachments", files);
        if (notice.afterSending() != null) {
            body.putObject("filing").put("account_id", notice.afterSending().accountId())
                    .put("message_id", notice.afterSending().messageId())
                    .put("folder", notice.afterSending().folder());
        }
        body.put("attempts", 0).put("queued_at", now.toEpochMilli()).put("next_attempt", now.toEpochMilli())
                .put("claimed_until", 0L);
        return store.create(ACCOUNT, TYPE, id, body);
    }

    /** Every e-mail not yet delivered nor given up on, oldest first. */
    List<Document> pending() {
        return store.list(ACCOUNT, TYPE, new ListQuery(null, Integer.MAX_VALUE, false,
                d -> d.body().path("status").asString("").equals(PENDING))).documents().stream()
                .sorted(Comparator.comparingLong((Document d) -> d.body().path("queued_at").asLong(0)))
                .toList();
    }

    Optional<Document> get(String id) {
        return store.get(ACCOUNT, id).filter(d -> !d.deleted());
    }

    static boolean due(Document entry, Instant now) {
        long at = now.toEpochMilli();
        return entry.body().path("next_attempt").asLong(0) <= at && entry.body().path("claimed_until").asLong(0) <= at;
    }

    /** Takes the e-mail until {@code until}; empty when another sender took or finished it first. */
    Optional<Document> claim(Document entry, Instant until) {
        try {
            return Optional.of(store.update(ACCOUNT, entry.id(), entry.rev(),
                    entry.body().deepCopy().put("claimed_until", until.toEpochMilli())));
        } catch (RevisionConflict | DocumentNotFound e) {
            return Optional.empty();
        }
    }

    /** The e-mail's files; stored audio that is gone by now is left out, and said so in the log. */
    List<File> files(Document entry) {
        List<File> out = new ArrayList<>();
        for (JsonNode file : entry.body().path("attachments")) {
            String account = file.path("account_id").asString(ACCOUNT);
            String document = file.path("document_id").asString(entry.id());
            Optional<AttachmentStore.Attachment> found =
                    attachments.attachment(account, document, file.path("name").asString(""));
            if (found.isPresent()) {
                out.add(new File(file.path("filename").asString(""), found.get().contentType(), found.get().bytes()));
            } else {
                LOG.atWarn().setMessage("e-mail attachment is gone, sending without it").addKeyValue("email_id",
                        entry.id()).addKeyValue("account_id", account).addKeyValue("document_id", document).log();
            }
        }
        return out;
    }

    void delivered(Document claimed) {
        try {
            store.delete(ACCOUNT, claimed.id(), null);
        } catch (DocumentNotFound e) {
            return;
        }
        for (JsonNode file : claimed.body().path("attachments")) {
            if (!file.has("document_id")) {
                attachments.deleteAttachment(ACCOUNT, claimed.id(), file.path("name").asString(""));
            }
        }
    }

    void retry(Document claimed, Instant next, String error) {
        ObjectNode body = claimed.body().deepCopy().put("attempts", claimed.body().path("attempts").asInt(0) + 1)
                .put("next_attempt", next.toEpochMilli()).put("claimed_until", 0L).put("last_error", error);
        store.update(ACCOUNT, claimed.id(), null, body);
    }

    void failed(Document claimed, String error) {
        ObjectNode body = claimed.body().deepCopy().put("attempts", claimed.body().path("attempts").asInt(0) + 1)
                .put("status", FAILED).put("claimed_until", 0L).put("last_error", error);
        store.update(ACCOUNT, claimed.id(), null, body);
    }
}
