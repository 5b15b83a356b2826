package dev.switchboard.api;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentStore;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.schema.ValidationErrors;
import tools.jackson.databind.node.ObjectNode;

/** What one kind of document adds to the common write pipeline and to listings. */
public interface DocumentRules {

    /** Before schema validation: normalise, move secrets into private fields; add errors that stop the write. */
    default void prepare(WriteContext write, ValidationErrors errors) {
    }

    /** After the schema passed: checks that need the store (uniqueness, ownership). */
    default void check(WriteContext write, ValidationErrors errors) {
    }

    /** The document as a client reads it; callflows add their {@code metadata}. */
    default ObjectNode view(Document doc, DocumentStore store) {
        return DocumentService.render(doc);
    }

    /** The row of this document in a collection listing. */
    default ObjectNode listing(Document doc, DocumentStore store) {
        ObjectNode row = Json.object();
        row.put("id", doc.id());
        for (String key : new String[] {"name", "type"}) {
            if (doc.body().has(key)) {
                row.set(key, doc.body().get(key));
            }
        }
        return row;
    }
}
