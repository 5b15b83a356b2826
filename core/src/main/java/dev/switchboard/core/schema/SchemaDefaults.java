package dev.switchboard.core.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes schema defaults into a document, as KAZOO does on save: an absent property whose schema declares a
 * {@code default} receives a copy of it, appended after the existing keys so their order is kept. The walk then
 * descends into the values that are present (including ones just defaulted), so nested defaults apply wherever
 * their parent object exists; a parent without a default of its own is never created.
 *
 * <p>Followed: {@code properties}, {@code patternProperties}, {@code additionalProperties}, {@code items},
 * {@code allOf} and {@code $ref} (local {@code #/...} or another schema by name, e.g. {@code caller_id.json#/x}).
 * Not followed: {@code anyOf}, {@code oneOf} and {@code if}/{@code then}/{@code else}, whose applicable branch is
 * only known once the document has been validated.
 */
final class SchemaDefaults {
    private final Map<String, JsonNode> schemas;

    SchemaDefaults(Map<String, JsonNode> schemas) {
        this.schemas = schemas;
    }

    void inject(String schemaName, JsonNode document) {
        JsonNode root = schemas.get(schemaName);
        inject(root, root, document);
    }

    private void inject(JsonNode schema, JsonNode root, JsonNode instance) {
        if (!schema.isObject()) {
            return;
        }
        if (schema.has("$ref")) {
            Located target = resolve(schema.get("$ref").asString(), root);
            inject(target.schema(), target.root(), instance);
            return;
        }
        for (JsonNode branch : schema.path("allOf")) {
            inject(branch, root, instance);
        }
        if (instance instanceof ObjectNode object) {
            injectProperties(schema, root, object);
        } else if (instance instanceof ArrayNode array) {
            injectItems(schema, root, array);
        }
    }

    private void injectProperties(JsonNode schema, JsonNode root, ObjectNode object) {
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            JsonNode fallback = defaultOf(property.getValue(), root);
            if (!object.has(property.getKey()) && fallback != null) {
                object.set(property.getKey(), fallback.deepCopy());
            }
        }
        for (String key : List.copyOf(object.propertyNames())) {
            for (JsonNode propertySchema : schemasOfProperty(schema, key)) {
                inject(propertySchema, root, object.get(key));
            }
        }
    }

    private static List<JsonNode> schemasOfProperty(JsonNode schema, String key) {
        List<JsonNode> found = new ArrayList<>();
        if (schema.path("properties").has(key)) {
            found.add(schema.path("properties").get(key));
        }
        for (Map.Entry<String, JsonNode> pattern : schema.path("patternProperties").properties()) {
            if (Pattern.compile(pattern.getKey()).matcher(key).find()) {
                found.add(pattern.getValue());
            }
        }
        if (found.isEmpty() && schema.has("additionalProperties")) {
            found.add(schema.get("additionalProperties"));
        }
        return found;
    }

    private void injectItems(JsonNode schema, JsonNode root, ArrayNode array) {
        JsonNode items = schema.path("items");
        for (int i = 0; i < array.size(); i++) {
            JsonNode itemSchema = items.isArray() ? items.path(i) : items;
            inject(itemSchema, root, array.get(i));
        }
    }

    /** A default written beside a {@code $ref} wins over one inside the referenced schema. */
    private JsonNode defaultOf(JsonNode schema, JsonNode root) {
        if (schema.has("default")) {
            return schema.get("default");
        }
        if (schema.has("$ref")) {
            Located target = resolve(schema.get("$ref").asString(), root);
            return defaultOf(target.schema(), target.root());
        }
        return null;
    }

    private Located resolve(String ref, JsonNode root) {
        int hash = ref.indexOf('#');
        String file = hash < 0 ? ref : ref.substring(0, hash);
        String pointer = hash < 0 ? "" : ref.substring(hash + 1);
        JsonNode target = file.isEmpty() ? root : schemas.get(SchemaNames.fromReference(file));
        if (target == null) {
            throw new IllegalStateException("unresolvable $ref " + ref);
        }
        return new Located(target.at(pointer), target);
    }

    private record Located(JsonNode schema, JsonNode root) {
    }
}
