package dev.switchboard.core.schema;

import dev.switchboard.core.doc.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validation failures in KAZOO's shape: {@code {"<dotted.path>": {"<code>": {"message": ..., ...}}}}, where a
 * literal dot inside a key is written {@code %2E}.
 */
public final class ValidationErrors {
    private final ObjectNode errors = Json.object();

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Adds one failure; {@code details} must hold at least {@code message}. */
    public ValidationErrors add(String path, String code, ObjectNode details) {
        ObjectNode atPath = errors.has(path) ? (ObjectNode) errors.get(path) : errors.putObject(path);
        atPath.set(code, details);
        return this;
    }

    public ValidationErrors add(String path, String code, String message) {
        return add(path, code, Json.object().put("message", message));
    }

    public ValidationErrors addAll(ValidationErrors other) {
        other.errors.properties().forEach(e -> ((ObjectNode) e.getValue()).properties()
                .forEach(c -> add(e.getKey(), c.getKey(), (ObjectNode) c.getValue())));
        return this;
    }

    /** Joins path segments, escaping dots inside a segment as KAZOO does. */
    public static String path(String... segments) {
        StringBuilder sb = new StringBuilder();
        for (String s : segments) {
            if (s == null || s.isEmpty()) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            sb.append(s.replace(".", "%2E"));
        }
        return sb.toString();
    }

    public boolean has(String path, String code) {
        JsonNode atPath = errors.get(path);
        return atPath != null && atPath.has(code);
    }

    public ObjectNode toJson() {
        return errors.deepCopy();
    }

    @Override
    public String toString() {
        return errors.toString();
    }
}
