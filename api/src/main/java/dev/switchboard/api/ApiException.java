package dev.switchboard.api;

import dev.switchboard.core.doc.Json;
import dev.switchboard.core.schema.ValidationErrors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A request that ends in a Crossbar error envelope: HTTP status, KAZOO's short error name, details. */
public final class ApiException extends RuntimeException {
    private final int status;
    private final JsonNode data;

    public ApiException(int status, String message, JsonNode data) {
        super(message);
        this.status = status;
        this.data = data == null ? Json.object() : data;
    }

    public int status() {
        return status;
    }

    public JsonNode data() {
        return data;
    }

    @Override
    public String toString() {
        return "ApiException " + status + " " + getMessage() + " " + data;
    }

    public static ApiException validation(ValidationErrors errors) {
        return new ApiException(400, "validation error", errors.toJson());
    }

    public static ApiException invalid(String field, String code, String message) {
        return validation(new ValidationErrors().add(field, code, message));
    }

    public static ApiException badIdentifier(String id) {
        return new ApiException(404, "bad_identifier", Json.object().put("cause", id));
    }

    public static ApiException forbidden(String why) {
        return new ApiException(403, "forbidden", Json.object().put("message", why));
    }

    public static ApiException unauthorized() {
        return new ApiException(401, "invalid_credentials", Json.object());
    }

    public static ApiException conflict(String why) {
        ObjectNode data = Json.object().put("message", why);
        return new ApiException(409, "datastore_conflict", data);
    }
}
