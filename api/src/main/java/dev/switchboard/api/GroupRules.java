package dev.switchboard.api;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentStore;
import dev.switchboard.core.doc.Json;
import tools.jackson.databind.node.ObjectNode;

/** Group listing rows carry the number of endpoints (spec §9.6). */
final class GroupRules implements DocumentRules {
    @Override
    public ObjectNode listing(Document doc, DocumentStore store) {
        ObjectNode row = Json.object().put("id", doc.id());
        row.set("name", doc.body().get("name"));
        row.put("endpoints", doc.body().path("endpoints").size());
        return row;
    }
}
