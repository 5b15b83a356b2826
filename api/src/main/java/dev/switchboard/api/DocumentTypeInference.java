package dev.switchboard.api;

import java.util.Optional;

import dev.switchboard.core.doc.DocumentKind;
import tools.jackson.databind.node.ObjectNode;

/** The kind of an imported document: its {@code pvt_type} when given, else guessed from the fields it has. */
final class DocumentTypeInference {
    private DocumentTypeInference() {
    }

    static Optional<DocumentKind> kindOf(ObjectNode doc) {
        if (doc.path("pvt_type").isString()) {
            return DocumentKind.byType(doc.get("pvt_type").asString());
        }
        if (doc.has("flow") || doc.has("patterns")) {
            return Optional.of(DocumentKind.CALLFLOW);
        }
        if (doc.has("mailbox")) {
            return Optional.of(DocumentKind.VMBOX);
        }
        if (doc.has("cycle")) {
            return Optional.of(DocumentKind.TEMPORAL_RULE);
        }
        if (doc.path("temporal_rules").isArray()) {
            return Optional.of(DocumentKind.TEMPORAL_RULE_SET);
        }
        if (doc.has("first_name") || doc.has("last_name")) {
            return Optional.of(DocumentKind.USER);
        }
        if (doc.has("sip") || doc.has("device_type")) {
            return Optional.of(DocumentKind.DEVICE);
        }
        if (doc.has("media_source")) {
            return Optional.of(DocumentKind.MEDIA);
        }
        if (doc.has("max_extension_length") || doc.has("hunt") || doc.path("media").has("greeting")) {
            return Optional.of(DocumentKind.MENU);
        }
        if (doc.path("endpoints").isObject()) {
            return Optional.of(DocumentKind.GROUP);
        }
        if (doc.has("gateways")) {
            return Optional.of(DocumentKind.RESOURCE);
        }
        if (doc.has("uri") && doc.has("hook")) {
            return Optional.of(DocumentKind.WEBHOOK);
        }
        if (doc.has("list_id")) {
            return Optional.of(DocumentKind.LIST_ENTRY);
        }
        if (doc.has("sort_by") || doc.has("search_fields")) {
            return Optional.of(DocumentKind.DIRECTORY);
        }
        if (doc.has("conference_numbers") || doc.has("moderator") || doc.has("member")) {
            return Optional.of(DocumentKind.CONFERENCE);
        }
        if (doc.has("fax_header") || doc.has("fax_identity")) {
            return Optional.of(DocumentKind.FAXBOX);
        }
        if (doc.has("numbers")) {
            return Optional.of(DocumentKind.CALLFLOW);
        }
        if (doc.has("number")) {
            return Optional.of(DocumentKind.PHONE_NUMBER);
        }
        return Optional.empty();
    }
}
