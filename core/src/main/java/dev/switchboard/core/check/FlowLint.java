package dev.switchboard.core.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentKind;
import dev.switchboard.core.engine.AccountDocuments;
import dev.switchboard.core.schema.SchemaValidator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a callflow against the account before it is saved, beyond its schema: documents it points to that do not
 * exist, children its modules can never reach, and callflow → callflow loops no caller input breaks. These are
 * warnings, not errors, so KAZOO clients that save such flows keep working.
 */
public final class FlowLint {
    private static final Pattern BRIDGE_FAILURE = Pattern.compile("^[A-Z_]+$|^sip:\\d{3}$");
    private static final Pattern NUMBER = Pattern.compile("^\\+?[0-9]+$");
    /** Modules that wait for the caller: a loop through one of them is a menu the caller can leave. */
    private static final Set<String> CALLER_INPUT = Set.of("menu", "collect_dtmf", "disa", "directory", "voicemail",
            "dynamic_cid", "hotdesk", "temporal_route", "pivot");

    private final SchemaValidator schemas;

    public FlowLint(SchemaValidator schemas) {
        this.schemas = schemas;
    }

    /** @param callflowId the id of the callflow being saved, or null on create */
    public List<FlowWarning> check(String callflowId, ObjectNode callflow, AccountDocuments docs) {
        List<FlowWarning> warnings = new ArrayList<>();
        JsonNode flow = callflow.get("flow");
        if (flow instanceof ObjectNode root) {
            node(root, "flow", docs, warnings);
            if (callflowId != null) {
                loop(callflowId, root, docs).ifPresent(chain -> warnings.add(new FlowWarning("flow", "loop",
                        "callflows call each other with no caller input in between: " + chain
                                + "; such a call is cut off after 50 branches")));
            }
        }
        return warnings;
    }

    private void node(ObjectNode node, String path, AccountDocuments docs, List<FlowWarning> warnings) {
        String module = node.path("module").asString("");
        String schemaName = "callflows." + module;
        if (schemas.hasSchema(schemaName)) {
            JsonNode schema = schemas.schema(schemaName);
            references(schema, node.path("data"), path + ".data", docs, warnings);
            children(module, schema.path("x-children"), node, path, docs, warnings);
        }
        node.path("children").properties().forEach(child -> {
            if (child.getValue() instanceof ObjectNode next && !next.isEmpty()) {
                node(next, path + ".children." + child.getKey(), docs, warnings);
            }
        });
    }

    private static void references(JsonNode schema, JsonNode data, String path, AccountDocuments docs,
                                   List<FlowWarning> warnings) {
        if (data.isObject()) {
            schema.path("properties").properties().forEach(p -> {
                JsonNode value = data.get(p.getKey());
                if (value == null) {
                    return;
                }
                String at = path + "." + p.getKey();
                JsonNode ref = p.getValue().get("x-ref");
                if (ref != null && value.isString()) {
                    reference(ref, value.asString(), at, docs, warnings);
                } else if (value.isArray()) {
                    JsonNode items = p.getValue().path("items");
                    for (int i = 0; i < value.size(); i++) {
                        if (items.has("x-ref") && value.get(i).isString()) {
                            reference(items.get("x-ref"), value.get(i).asString(), at + "." + i, docs, warnings);
                        } else {
                            references(items, value.get(i), at + "." + i, docs, warnings);
                        }
                    }
                } else if (value.isObject()) {
                    references(p.getValue(), value, at, docs, warnings);
                }
            });
        }
    }

    private static void reference(JsonNode ref, String id, String path, AccountDocuments docs,
                                  List<FlowWarning> warnings) {
        List<String> collections = new ArrayList<>();
        if (ref.isArray()) {
            ref.forEach(r -> collections.add(r.asString()));
        } else {
            collections.add(ref.asString());
        }
        boolean mediaPath = collections.contains("media") && (id.contains("/") || id.contains(":"));
        if (id.isBlank() || mediaPath) {
            return;
        }
        Optional<Document> doc = docs.get(id);
        boolean found = doc.isPresent() && collections.stream().anyMatch(c -> typeOf(c).equals(doc.get().type()));
        if (!found) {
            warnings.add(new FlowWarning(path, "not_found",
                    String.join(" or ", collections) + " " + id + " does not exist in this account"));
        }
    }

    private static void children(String module, JsonNode produced, ObjectNode node, String path,
                                 AccountDocuments docs, List<FlowWarning> warnings) {
        if (produced.isMissingNode()) {
            return;
        }
        Set<String> keys = new HashSet<>();
        produced.path("keys").forEach(k -> keys.add(k.asString()));
        int longestDigits = module.equals("menu") ? docs.get("menu", node.path("data").path("id").asString(null))
                .map(m -> m.body().path("max_extension_length").asInt(4)).orElse(4) : 0;
        node.path("children").propertyNames().forEach(key -> {
            boolean reachable = keys.contains(key)
                    || (produced.path("digits").asBoolean(false) && key.matches("[0-9*#]{1," + longestDigits + "}"))
                    || (produced.path("bridge_failure").asBoolean(false) && BRIDGE_FAILURE.matcher(key).matches())
                    || (produced.path("rule_ids").asBoolean(false) && docs.get(key)
                        .filter(d -> d.type().equals("temporal_rule") || d.type().equals("temporal_rule_set"))
                        .isPresent())
                    || ((produced.path("caller_id_numbers").asBoolean(false)
                        || produced.path("slot_numbers").asBoolean(false)
                        || produced.path("integer_thresholds").asBoolean(false)) && NUMBER.matcher(key).matches())
                    || produced.path("capture_group").asBoolean(false)
                    || produced.path("values").asBoolean(false);
            if (!reachable) {
                warnings.add(new FlowWarning(path + ".children." + key, "unreachable_child",
                        module + " never continues to \"" + key + "\""));
            }
        });
    }

    /** The chain of callflow ids from {@code start} back to itself, when one exists without caller input. */
    private static Optional<String> loop(String start, ObjectNode root, AccountDocuments docs) {
        return walk(start, root, docs, new ArrayList<>(List.of(start)), new HashSet<>());
    }

    private static Optional<String> walk(String start, JsonNode node, AccountDocuments docs, List<String> chain,
                                         Set<String> visited) {
        if (node == null || !node.isObject() || CALLER_INPUT.contains(node.path("module").asString(""))) {
            return Optional.empty();
        }
        if (node.path("module").asString("").equals("callflow")) {
            String target = node.path("data").path("id").asString("");
            if (target.equals(start)) {
                return Optional.of(String.join(" → ", chain) + " → " + start);
            }
            if (visited.add(target)) {
                Optional<Document> next = docs.get("callflow", target);
                if (next.isPresent()) {
                    chain.add(target);
                    Optional<String> found = walk(start, next.get().body().get("flow"), docs, chain, visited);
                    if (found.isPresent()) {
                        return found;
                    }
                    chain.removeLast();
                }
            }
        }
        for (JsonNode child : node.path("children")) {
            Optional<String> found = walk(start, child, docs, chain, visited);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static String typeOf(String collection) {
        return java.util.Arrays.stream(DocumentKind.values()).filter(k -> k.collection().equals(collection))
                .map(DocumentKind::type).findFirst().orElse(collection);
    }
}
