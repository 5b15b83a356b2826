package dev.switchboard.core.doc;

import java.util.List;
import java.util.Optional;

import tools.jackson.databind.node.ObjectNode;

/**
 * Documents per account, with optimistic revisions. Every write is atomic: the document and its index keys
 * change together or not at all.
 */
public interface DocumentStore extends AutoCloseable {

    /** The document, deleted or not; empty when no document has that id in that account. */
    Optional<Document> get(String accountId, String id);

    /**
     * Stores a new document at revision 1.
     *
     * @param id the client's id, used as given, or null for a fresh 32-hex id
     * @return the document as stored; its body is a copy, independent of {@code body}
     * @throws RevisionConflict when a document (even a deleted one) already has that id in the account
     */
    Document create(String accountId, String type, String id, ObjectNode body);

    /**
     * Replaces the body of a live document, writing its next revision. Of writers racing with the same
     * {@code expectedRev}, exactly one succeeds.
     *
     * @param expectedRev the revision the writer read; another current revision throws {@link RevisionConflict};
     *                    null does not check, and the last write wins
     * @return the document as stored
     * @throws DocumentNotFound when there is no live document with that id
     */
    Document update(String accountId, String id, String expectedRev, ObjectNode body);

    /**
     * Soft delete, writing the next revision: the document stays readable through {@link #get} with
     * {@code deleted} set, and leaves listings, counts and indexes.
     *
     * @param expectedRev as for {@link #update}: null does not check
     * @throws DocumentNotFound when there is no live document with that id
     */
    Document delete(String accountId, String id, String expectedRev);

    /**
     * Live documents of one type of an account, in id order (by UTF-8 bytes, the same on every database), one page
     * at a time.
     */
    Page list(String accountId, String type, ListQuery query);

    /**
     * Live documents of an account whose index {@code index} holds {@code key}, in (account, id) order;
     * accountId null = every account.
     */
    List<Document> findByIndex(String accountId, String index, String key);

    /** Number of live documents of one type in an account. */
    long count(String accountId, String type);

    /** "sqlite" or "postgresql", reported by {@code /v2/about}. */
    String kind();

    @Override
    void close();
}
