package dev.switchboard.api;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.schema.ValidationErrors;

/** "No other live document of the account has this key in that index." */
final class Uniqueness {
    private Uniqueness() {
    }

    static void require(WriteContext write, String index, String key, String field, String message,
                        ValidationErrors errors) {
        if (key == null || key.isEmpty()) {
            return;
        }
        for (Document other : write.store().findByIndex(write.accountId(), index, key)) {
            if (write.isOther(other)) {
                errors.add(field, "unique", dev.switchboard.core.doc.Json.object()
                        .put("message", message).put("cause", key));
                return;
            }
        }
    }
}
