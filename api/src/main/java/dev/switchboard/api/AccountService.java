package dev.switchboard.api;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.doc.DocumentKind;
import dev.switchboard.core.doc.DocumentStore;
import dev.switchboard.core.schema.SchemaValidator;
import dev.switchboard.core.schema.ValidationErrors;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Creating and changing accounts: schema, unique name and realm, the tree, the API key. */
public final class AccountService {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DocumentStore store;
    private final SchemaValidator validator;
    private final AccountDirectory accounts;
    private final SerialWrites serial = new SerialWrites();

    public AccountService(DocumentStore store, SchemaValidator validator, AccountDirectory accounts) {
        this.store = store;
        this.validator = validator;
        this.accounts = accounts;
    }

    /** A new account under {@code parent}, or a root account (the system's own) when parent is null. */
    public Document create(Document parent, ObjectNode data) {
        String id = randomHex(16);
        ObjectNode body = DocumentService.publicFields(data);
        if (!body.path("realm").isString() || body.path("realm").asString().isBlank()) {
            body.put("realm", id.substring(0, 8) + ".switchboard.local");
        }
        Document created = serial.run(() -> {
            check(id, body);
            ArrayNode tree = body.putArray("pvt_tree");
            if (parent != null) {
                AccountDirectory.ancestors(parent).forEach(tree::add);
                tree.add(parent.id());
            } else {
                body.put("pvt_superduper_admin", true);
            }
            body.put("pvt_api_key", randomHex(32));
            return store.create(id, AccountDirectory.TYPE, id, body);
        });
        accounts.changed(created);
        return created;
    }

    public Document replace(Document existing, ObjectNode data, String ifMatch, boolean merge) {
        ObjectNode body = DocumentService.publicFields(existing.body());
        if (merge) {
            DocumentService.merge(body, DocumentService.publicFields(data));
        } else {
            body = DocumentService.publicFields(data);
        }
        // the realm is where the account's phones register: a replace that leaves it out keeps it rather than
        // leaving them nowhere to register
        if (!body.has("realm") && existing.body().has("realm")) {
            body.set("realm", existing.body().get("realm"));
        }
        ObjectNode stored = body;
        Document updated = serial.run(() -> {
            check(existing.id(), stored);
            existing.body().properties().stream()
                    .filter(e -> RequestBody.isPrivate(e.getKey()))
                    .forEach(e -> stored.set(e.getKey(), e.getValue()));
            return store.update(existing.id(), existing.id(), DocumentService.revision(existing, ifMatch), stored);
        });
        accounts.changed(updated);
        return updated;
    }

    public Document delete(Document existing, String ifMatch) {
        Document deleted = store.delete(existing.id(), existing.id(), DocumentService.revision(existing, ifMatch));
        accounts.changed(deleted);
        return deleted;
    }

    private void check(String id, ObjectNode body) {
        ValidationErrors errors = validator.validate(DocumentKind.ACCOUNT.schema(), body);
        if (errors.isEmpty()) {
            unique(id, DocumentIndexes.ACCOUNT_NAME, body.path("name").asString(""), "name", errors);
            unique(id, DocumentIndexes.ACCOUNT_REALM, body.path("realm").asString(""), "realm", errors);
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
    }

    private void unique(String id, String index, String value, String field, ValidationErrors errors) {
        String key = value.toLowerCase(Locale.ROOT);
        if (!key.isEmpty() && store.findByIndex(null, index, key).stream().anyMatch(a -> !a.id().equals(id))) {
            errors.add(field, "unique", dev.switchboard.core.doc.Json.object()
                    .put("message", "another account already has the " + field + " " + value).put("cause", value));
        }
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
