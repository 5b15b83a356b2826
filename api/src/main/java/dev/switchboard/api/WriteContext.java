package dev.switchboard.api;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentKind;
import dev.switchboard.core.doc.DocumentStore;
import tools.jackson.databind.node.ObjectNode;

/**
 * One write being checked.
 *
 * @param id       the document's id, null while creating with a server-chosen id
 * @param body     the document as it will be stored (public fields; rules may add private ones)
 * @param existing the stored document being replaced, null on create
 */
public record WriteContext(String accountId, DocumentKind kind, String id, ObjectNode body, Document existing,
                           DocumentStore store, boolean copy) {

    /** True when {@code other} is not the document being written. */
    public boolean isOther(Document other) {
        return !(other.accountId().equals(accountId) && other.id().equals(id));
    }
}
