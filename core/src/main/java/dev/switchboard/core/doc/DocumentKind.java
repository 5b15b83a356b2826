package dev.switchboard.core.doc;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every kind of document the API manages: its URL collection, its stored type (KAZOO's {@code pvt_type}) and the
 * name of its JSON schema (KAZOO's schema names, which are not always the collection name).
 */
public enum DocumentKind {
    ACCOUNT("accounts", "account", "accounts"),
    CALLFLOW("callflows", "callflow", "callflows"),
    USER("users", "user", "users"),
    DEVICE("devices", "device", "devices"),
    VMBOX("vmboxes", "vmbox", "vmboxes"),
    MAILBOX_MESSAGE("messages", "mailbox_message", "mailbox_messages"),
    MEDIA("media", "media", "media"),
    MENU("menus", "menu", "menus"),
    TEMPORAL_RULE("temporal_rules", "temporal_rule", "temporal_rules"),
    TEMPORAL_RULE_SET("temporal_rules_sets", "temporal_rule_set", "temporal_rules_sets"),
    GROUP("groups", "group", "groups"),
    CONFERENCE("conferences", "conference", "conferences"),
    DIRECTORY("directories", "directory", "directories"),
    FAXBOX("faxboxes", "faxbox", "faxbox"),
    LIST("lists", "list", "lists"),
    LIST_ENTRY("entries", "list_entry", "list_entries"),
    RESOURCE("resources", "resource", "resources"),
    WEBHOOK("webhooks", "webhook", "webhooks"),
    PHONE_NUMBER("phone_numbers", "phone_number", "phone_numbers");

    private final String collection;
    private final String type;
    private final String schema;

    DocumentKind(String collection, String type, String schema) {
        this.collection = collection;
        this.type = type;
        this.schema = schema;
    }

    public String collection() {
        return collection;
    }

    public String type() {
        return type;
    }

    public String schema() {
        return schema;
    }

    public static Optional<DocumentKind> byType(String type) {
        return Arrays.stream(values()).filter(k -> k.type.equals(type)).findFirst();
    }
}
