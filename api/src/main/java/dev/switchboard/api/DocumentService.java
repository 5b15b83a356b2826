package dev.switchboard.api;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentKind;
import dev.switchboard.core.doc.DocumentStore;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.doc.ListQuery;
import dev.switchboard.core.doc.Page;
import dev.switchboard.core.schema.SchemaValidator;
import dev.switchboard.core.schema.ValidationErrors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The write pipeline every document goes through (spec §9.4): strip private fields, the kind's preparation,
 * schema validation with defaults injected, the kind's store checks, then one atomic store write.
 */
public final class DocumentService {
    private static final String CLIENT_ID = "[A-Za-z0-9][A-Za-z0-9_.~-]{0,127}";

    private final DocumentStore store;
    private final SchemaValidator validator;
    private final AccountDirectory accounts;
    private final Clock clock;
    private final Map<DocumentKind, DocumentRules> rules = new EnumMap<>(DocumentKind.class);
    private final List<Consumer<Document>> listeners = new CopyOnWriteArrayList<>();
    private final SerialWrites serial = new SerialWrites();

    public DocumentService(DocumentStore store, SchemaValidator validator, AccountDirectory accounts, Clock clock) {
        this.store = store;
        this.validator = validator;
        this.accounts = accounts;
        this.clock = clock;
        rules.put(DocumentKind.CALLFLOW, new CallflowRules());
        rules.put(DocumentKind.VMBOX, new VmboxRules());
        rules.put(DocumentKind.USER, new UserRules());
        rules.put(DocumentKind.DEVICE, new DeviceRules());
        rules.put(DocumentKind.PHONE_NUMBER, new PhoneNumberRules());
        rules.put(DocumentKind.MEDIA, new MediaRules());
        rules.put(DocumentKind.TEMPORAL_RULE_SET, new TemporalRuleSetRules());
        rules.put(DocumentKind.GROUP, new GroupRules());
    }

    /** Called after every write of this service, e.g. to drop a cache of the account's callflows. */
    public void onChange(Consumer<Document> listener) {
        listeners.add(listener);
    }

    private Document changed(Document doc) {
        listeners.forEach(l -> l.accept(doc));
        return doc;
    }

    public DocumentStore store() {
        return store;
    }

    public AccountDirectory accounts() {
        return accounts;
    }

    public SchemaValidator validator() {
        return validator;
    }

    public Clock clock() {
        return clock;
    }

    public DocumentRules rules(DocumentKind kind) {
        return rules.getOrDefault(kind, new DocumentRules() {
        });
    }

    /** A live document of that kind; anything else (missing, deleted, another kind) is a 404. */
    public Document get(String accountId, DocumentKind kind, String id) {
        return store.get(accountId, id)
                .filter(d -> !d.deleted() && d.type().equals(kind.type()))
                .orElseThrow(() -> ApiException.badIdentifier(id));
    }

    public Page list(String accountId, DocumentKind kind, ListQuery query) {
        return store.list(accountId, kind.type(), query);
    }

    /** Creates from client data; {@code data.id}, when given, becomes the document id. */
    public Document create(String accountId, DocumentKind kind, ObjectNode data) {
        return create(accountId, kind, data, false);
    }

    public Document create(String accountId, DocumentKind kind, ObjectNode data, boolean copy) {
        String id = clientId(data);
        ObjectNode body = publicFields(data);
        return serial.run(() -> {
            checked(new WriteContext(accountId, kind, id, body, null, store, copy));
            return changed(store.create(accountId, kind.type(), id, body));
        });
    }

    /** POST: the request's public fields replace the stored ones; private fields are kept. */
    public Document replace(String accountId, DocumentKind kind, String id, ObjectNode data, String ifMatch) {
        Document existing = get(accountId, kind, id);
        ObjectNode body = publicFields(data);
        return serial.run(() -> {
            checked(new WriteContext(accountId, kind, id, body, existing, store, false));
            return changed(store.update(accountId, id, revision(existing, ifMatch), withPrivateFields(body, existing)));
        });
    }

    /** PATCH: the request is deep-merged over the stored public fields (a null removes a key), then as POST. */
    public Document patch(String accountId, DocumentKind kind, String id, ObjectNode data, String ifMatch) {
        Document existing = get(accountId, kind, id);
        ObjectNode merged = publicFields(existing.body());
        merge(merged, publicFields(data));
        return serial.run(() -> {
            checked(new WriteContext(accountId, kind, id, merged, existing, store, false));
            return changed(store.update(accountId, id, revision(existing, ifMatch), withPrivateFields(merged, existing)));
        });
    }

    public Document delete(String accountId, DocumentKind kind, String id, String ifMatch) {
        Document existing = get(accountId, kind, id);
        return changed(store.delete(accountId, id, revision(existing, ifMatch)));
    }

    /** Runs the pipeline without writing; throws the validation error. */
    public void checked(WriteContext write) {
        DocumentRules kindRules = rules(write.kind());
        ValidationErrors errors = new ValidationErrors();
        kindRules.prepare(write, errors);
        if (errors.isEmpty()) {
            errors.addAll(validator.validate(write.kind().schema(), write.body()));
        }
        if (errors.isEmpty()) {
            kindRules.check(write, errors);
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
    }

    /** The document as clients see it: no private fields, plus {@code id}; a deleted one says so. */
    public static ObjectNode render(Document doc) {
        ObjectNode view = publicFields(doc.body());
        view.put("id", doc.id());
        if (doc.deleted()) {
            view.putObject("_read_only").put("deleted", true);
        }
        return view;
    }

    public static ObjectNode publicFields(ObjectNode doc) {
        ObjectNode copy = RequestBody.withoutPrivateFields(doc);
        copy.remove("id");
        return copy;
    }

    /** KAZOO's deep merge for PATCH: objects merge key by key, a null removes, anything else replaces. */
    public static void merge(ObjectNode target, ObjectNode patch) {
        for (Map.Entry<String, JsonNode> e : patch.properties()) {
            JsonNode value = e.getValue();
            if (value.isNull()) {
                target.remove(e.getKey());
            } else if (value.isObject() && target.get(e.getKey()) instanceof ObjectNode existing) {
                merge(existing, (ObjectNode) value);
            } else {
                target.set(e.getKey(), value.deepCopy());
            }
        }
    }

    private static ObjectNode withPrivateFields(ObjectNode body, Document existing) {
        Iterator<Map.Entry<String, JsonNode>> it = existing.body().properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (RequestBody.isPrivate(e.getKey()) && !body.has(e.getKey())) {
                body.set(e.getKey(), e.getValue());
            }
        }
        return body;
    }

    /** The revision a write expects: the client's If-Match when it sent one, else the one just read. */
    static String revision(Document existing, String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return existing.rev();
        }
        return ifMatch.replace("\"", "").trim();
    }

    private static String clientId(ObjectNode data) {
        JsonNode id = data.get("id");
        if (id == null || id.isNull()) {
            return null;
        }
        if (!id.isString() || !id.asString().matches(CLIENT_ID)) {
            throw ApiException.invalid("id", "invalid",
                    "an id is 1 to 128 letters, digits, '_', '.', '~' or '-', starting with a letter or digit");
        }
        return id.asString();
    }

}
