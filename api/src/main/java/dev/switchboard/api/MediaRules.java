package dev.switchboard.api;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentStore;
import dev.switchboard.core.doc.Json;
import tools.jackson.databind.node.ObjectNode;

/** Media listing rows say what the audio is, so a picker can show it. */
final class MediaRules implements DocumentRules {
    @Override
    public ObjectNode listing(Document doc, DocumentStore store) {
        ObjectNode row = Json.object().put("id", doc.id());
        for (String key : new String[] {"name", "media_source", "language", "prompt_id", "content_type",
                "content_length", "description"}) {
            if (doc.body().has(key)) {
                row.set(key, doc.body().get(key));
            }
        }
        row.put("is_prompt", doc.body().has("prompt_id"));
        return row;
    }
}
