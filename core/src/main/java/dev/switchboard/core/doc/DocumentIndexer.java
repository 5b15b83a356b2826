package dev.switchboard.core.doc;

import java.util.Map;
import java.util.Set;

import tools.jackson.databind.node.ObjectNode;

/**
 * Says under which keys a document can be looked up, like KAZOO's CouchDB views ({@code listing_by_number},
 * {@code listing_by_mailbox}, ...). The store keeps these keys in the same transaction as the document, so an
 * index never disagrees with what is stored.
 */
@FunctionalInterface
public interface DocumentIndexer {
    /** Index name → keys of that index, for a live (not deleted) document of the given type. */
    Map<String, Set<String>> keys(String type, ObjectNode body);
}
