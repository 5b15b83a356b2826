package dev.switchboard.core.doc;

import java.util.Optional;

/** Binary attachments of documents (media audio, voicemail recordings), kept beside them in the same database. */
public interface AttachmentStore {

    record Attachment(String contentType, byte[] bytes) {
    }

    /** Stores or replaces the attachment {@code name} of a document. */
    void putAttachment(String accountId, String docId, String name, String contentType, byte[] bytes);

    Optional<Attachment> attachment(String accountId, String docId, String name);

    void deleteAttachment(String accountId, String docId, String name);
}
