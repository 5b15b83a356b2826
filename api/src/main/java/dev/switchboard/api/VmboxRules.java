package dev.switchboard.api;

import java.util.Map;
import java.util.stream.Collectors;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentKind;
import dev.switchboard.core.doc.DocumentStore;
import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.schema.ValidationErrors;
import tools.jackson.databind.node.ObjectNode;

/** Voicemail boxes: the mailbox number is unique in the account (spec §9.6). */
final class VmboxRules implements DocumentRules {

    @Override
    public void check(WriteContext write, ValidationErrors errors) {
        Uniqueness.require(write, DocumentIndexes.VMBOX_MAILBOX, write.body().path("mailbox").asString(""),
                "mailbox", "Invalid mailbox number or already exists", errors);
    }

    @Override
    public ObjectNode listing(Document doc, DocumentStore store) {
        ObjectNode row = Json.object().put("id", doc.id());
        for (String key : new String[] {"name", "mailbox", "owner_id"}) {
            if (doc.body().has(key)) {
                row.set(key, doc.body().get(key));
            }
        }
        Map<String, Long> byFolder = store.findByIndex(doc.accountId(), DocumentIndexes.MESSAGE_VMBOX, doc.id())
                .stream().filter(m -> m.type().equals(DocumentKind.MAILBOX_MESSAGE.type()))
                .collect(Collectors.groupingBy(m -> m.body().path("folder").asString("new"), Collectors.counting()));
        long unheard = byFolder.getOrDefault("new", 0L);
        long kept = byFolder.getOrDefault("saved", 0L);
        row.put("messages", unheard + kept).put("new_messages", unheard).put("saved_messages", kept);
        return row;
    }
}
