package dev.switchboard.api;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentStore;
import dev.switchboard.core.doc.Json;
import tools.jackson.databind.node.ObjectNode;

/** Group listing rows carry the group's features and the number of its endpoints (spec §9.6). */
final class GroupRules implements DocumentRules {
    @Override
    public ObjectNode listing(Document doc, DocumentStore store) {
        ObjectNode row = Json.object().put("id", doc.id());
        row.set("name", doc.body().get("name"));
        row.set("features", doc.body().has("features") ? doc.body().get("features") : Json.array());
        row.put("endpoints", doc.body().path("endpoints").size());
        return row;
    }
}
