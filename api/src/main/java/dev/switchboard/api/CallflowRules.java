package dev.switchboard.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentStore;
import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.number.NumberNormalizer;
import dev.switchboard.core.schema.ValidationErrors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Callflow checks of spec §9.4: numbers or patterns, E.164 normalisation, per-account uniqueness, listing. */
final class CallflowRules implements DocumentRules {

    @Override
    public void prepare(WriteContext write, ValidationErrors errors) {
        ObjectNode body = write.body();
        body.remove("metadata");
        JsonNode numbers = body.get("numbers");
        JsonNode patterns = body.get("patterns");
        if (numbers != null && !numbers.isArray()) {
            errors.add("numbers", "type", Json.object().put("message", "Value did not match type: array")
                    .put("target", "array").set("value", numbers));
            return;
        }
        if (patterns != null && !patterns.isArray()) {
            errors.add("patterns", "type", Json.object().put("message", "Value did not match type: array")
                    .put("target", "array").set("value", patterns));
            return;
        }
        boolean noNumbers = numbers == null || numbers.isEmpty();
        boolean noPatterns = patterns == null || patterns.isEmpty();
        if (noNumbers && noPatterns && !write.copy()) {
            errors.add("numbers", "required", "Callflows must be assigned at least one number or pattern");
            return;
        }
        if (numbers != null) {
            ArrayNode normalised = Json.array();
            for (JsonNode n : numbers) {
                normalised.add(n.isString() ? Json.MAPPER.getNodeFactory().stringNode(NumberNormalizer.normalize(n.asString())) : n);
            }
            body.set("numbers", normalised);
        }
    }

    @Override
    public void check(WriteContext write, ValidationErrors errors) {
        for (String number : strings(write.body().get("numbers"))) {
            for (Document other : write.store().findByIndex(write.accountId(), DocumentIndexes.CALLFLOW_NUMBER, number)) {
                if (write.isOther(other)) {
                    errors.add("numbers", "unique", Json.object()
                            .put("message", "Number " + number + " exists in callflow " + other.id() + " "
                                    + other.body().path("name").asString(""))
                            .put("cause", number));
                }
            }
        }
        for (String pattern : strings(write.body().get("patterns"))) {
            for (Document other : write.store().findByIndex(write.accountId(), DocumentIndexes.CALLFLOW_PATTERN, pattern)) {
                if (write.isOther(other)) {
                    errors.add("patterns", "unique", Json.object()
                            .put("message", "Pattern " + pattern + " exists in callflow " + other.id() + " "
                                    + other.body().path("name").asString(""))
                            .put("cause", pattern));
                }
            }
        }
        List<String> foreign = new ArrayList<>();
        for (String number : strings(write.body().get("numbers"))) {
            for (Document owned : write.store().findByIndex(null, DocumentIndexes.PHONE_NUMBER, number)) {
                if (!owned.accountId().equals(write.accountId())) {
                    foreign.add(number);
                }
            }
        }
        if (!foreign.isEmpty()) {
            throw ApiException.forbidden("unauthorized to use " + String.join(", ", foreign));
        }
    }

    /** GET adds {@code metadata}: name and type of every document the flow points to (spec §9.4). */
    @Override
    public ObjectNode view(Document doc, DocumentStore store) {
        ObjectNode view = DocumentService.render(doc);
        Set<String> ids = new LinkedHashSet<>();
        referencedIds(doc.body().get("flow"), ids);
        ObjectNode metadata = Json.object();
        for (String id : ids) {
            store.get(doc.accountId(), id).filter(d -> !d.deleted()).ifPresent(d -> metadata.set(id, describe(d)));
        }
        view.set("metadata", metadata);
        return view;
    }

    private static ObjectNode describe(Document d) {
        ObjectNode entry = Json.object();
        ObjectNode b = d.body();
        if (d.type().equals("user")) {
            entry.put("name", (b.path("first_name").asString("") + " " + b.path("last_name").asString("")).trim());
        } else {
            entry.put("name", b.path("name").asString(d.id()));
        }
        if (b.has("numbers")) {
            entry.set("numbers", b.get("numbers"));
        }
        entry.put("pvt_type", d.type());
        return entry;
    }

    private static void referencedIds(JsonNode node, Set<String> ids) {
        if (node == null || !node.isObject()) {
            return;
        }
        idsInData(node.get("data"), ids);
        for (var child : node.path("children").properties()) {
            if (child.getKey().length() >= 2) {
                ids.add(child.getKey());
            }
            referencedIds(child.getValue(), ids);
        }
    }

    private static void idsInData(JsonNode data, Set<String> ids) {
        if (data == null) {
            return;
        }
        if (data.isArray()) {
            data.forEach(item -> idsInData(item, ids));
        } else if (data.isObject()) {
            for (var field : data.properties()) {
                JsonNode value = field.getValue();
                boolean idKey = field.getKey().equals("id") || field.getKey().endsWith("_id");
                if (idKey && value.isString() && !value.asString().isEmpty()) {
                    ids.add(value.asString());
                } else if (idKey && value.isArray()) {
                    value.forEach(v -> {
                        if (v.isString()) {
                            ids.add(v.asString());
                        }
                    });
                } else {
                    idsInData(value, ids);
                }
            }
        }
    }

    @Override
    public ObjectNode listing(Document doc, DocumentStore store) {
        ObjectNode b = doc.body();
        ObjectNode row = Json.object();
        row.put("id", doc.id());
        copy(b, row, "name");
        copy(b, row, "type");
        row.set("numbers", b.has("numbers") ? b.get("numbers") : Json.array());
        row.set("patterns", b.has("patterns") ? b.get("patterns") : Json.array());
        if (b.has("featurecode")) {
            row.set("featurecode", b.get("featurecode"));
        } else {
            row.put("featurecode", false);
        }
        copy(b, row, "owner_id");
        copy(b, row, "group_id");
        ArrayNode modules = row.putArray("modules");
        modules(b.get("flow"), new LinkedHashSet<>()).forEach(modules::add);
        copy(b, row, "flags");
        return row;
    }

    /** Depth-first module names of a flow, skipped nodes left out, each once (KAZOO's crossbar_listing). */
    static Set<String> modules(JsonNode node, Set<String> seen) {
        if (node == null || !node.isObject()) {
            return seen;
        }
        if (!node.path("data").path("skip_module").asBoolean(false) && node.path("module").isString()) {
            seen.add(node.path("module").asString());
        }
        node.path("children").forEach(child -> modules(child, seen));
        return seen;
    }

    private static void copy(ObjectNode from, ObjectNode to, String key) {
        if (from.has(key)) {
            to.set(key, from.get(key));
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> {
                if (n.isString()) {
                    out.add(n.asString());
                }
            });
        }
        return out;
    }
}
