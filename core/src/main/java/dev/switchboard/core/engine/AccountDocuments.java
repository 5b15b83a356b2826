package dev.switchboard.core.engine;

import java.util.List;
import java.util.Optional;

import dev.switchboard.core.doc.AttachmentStore;
import dev.switchboard.core.doc.Document;
import tools.jackson.databind.node.ObjectNode;

/**
 * The documents of the call's account, as actions see them. A simulation keeps its writes to itself, so a test
 * call never changes what real calls read.
 */
public interface AccountDocuments {

    String accountId();

    /** The account document itself (timezone, language, caller_id, preflow...). */
    Document account();

    /** A live document of the account. */
    Optional<Document> get(String id);

    /** A live document of the account of that type. */
    default Optional<Document> get(String type, String id) {
        return id == null ? Optional.empty() : get(id).filter(d -> d.type().equals(type));
    }

    /** Live documents whose index {@code index} holds {@code key} (see DocumentIndexes). */
    List<Document> find(String index, String key);

    /** Every live document of a type. */
    List<Document> ofType(String type);

    /** Creates (id null or new) or replaces a document, last write wins: actions keep state this way. */
    Document save(String type, String id, ObjectNode body);

    void putAttachment(String docId, String name, String contentType, byte[] bytes);

    Optional<AttachmentStore.Attachment> attachment(String docId, String name);
}
