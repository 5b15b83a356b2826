package dev.switchboard.api;

import java.util.List;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentStore;
import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.number.NumberNormalizer;
import dev.switchboard.core.schema.ValidationErrors;
import tools.jackson.databind.node.ObjectNode;

/** Numbers an account owns: stored in E.164, and owned by one account only. */
final class PhoneNumberRules implements DocumentRules {

    @Override
    public void prepare(WriteContext write, ValidationErrors errors) {
        ObjectNode body = write.body();
        if (body.path("number").isString()) {
            body.put("number", NumberNormalizer.normalize(body.get("number").asString()));
        }
    }

    @Override
    public void check(WriteContext write, ValidationErrors errors) {
        String number = write.body().path("number").asString("");
        List<Document> holders = write.store().findByIndex(null, DocumentIndexes.PHONE_NUMBER, number);
        if (holders.stream().anyMatch(write::isOther)) {
            errors.add("number", "unique", Json.object().put("message", "Number " + number + " already exists")
                    .put("cause", number));
        }
    }

    @Override
    public ObjectNode listing(Document doc, DocumentStore store) {
        ObjectNode row = Json.object().put("id", doc.id());
        for (String key : new String[] {"number", "state", "features", "used_by"}) {
            if (doc.body().has(key)) {
                row.set(key, doc.body().get(key));
            }
        }
        return row;
    }
}
