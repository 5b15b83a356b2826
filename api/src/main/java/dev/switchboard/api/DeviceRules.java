package dev.switchboard.api;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentStore;
import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.schema.ValidationErrors;
import tools.jackson.databind.node.ObjectNode;

/** Devices: the SIP user name is unique in the account, since the account's realm is where phones register. */
final class DeviceRules implements DocumentRules {

    @Override
    public void check(WriteContext write, ValidationErrors errors) {
        String username = write.body().path("sip").path("username").asString("").toLowerCase(java.util.Locale.ROOT);
        Uniqueness.require(write, DocumentIndexes.DEVICE_SIP_USERNAME, username, "sip.username",
                "SIP user name " + username + " is already in use", errors);
    }

    @Override
    public ObjectNode listing(Document doc, DocumentStore store) {
        ObjectNode b = doc.body();
        ObjectNode row = Json.object().put("id", doc.id());
        for (String key : new String[] {"name", "owner_id", "device_type", "enabled", "mac_address"}) {
            if (b.has(key)) {
                row.set(key, b.get(key));
            }
        }
        if (b.path("sip").has("username")) {
            row.set("username", b.path("sip").get("username"));
        }
        return row;
    }
}
