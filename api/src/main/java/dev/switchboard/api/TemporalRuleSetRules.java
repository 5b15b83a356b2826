package dev.switchboard.api;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentStore;
import dev.switchboard.core.doc.Json;
import tools.jackson.databind.node.ObjectNode;

/** Rule set listing rows carry their rules (spec §9.6). */
final class TemporalRuleSetRules implements DocumentRules {
    @Override
    public ObjectNode listing(Document doc, DocumentStore store) {
        ObjectNode row = Json.object().put("id", doc.id());
        row.set("name", doc.body().get("name"));
        row.set("rules", doc.body().has("temporal_rules") ? doc.body().get("temporal_rules") : Json.array());
        return row;
    }
}
