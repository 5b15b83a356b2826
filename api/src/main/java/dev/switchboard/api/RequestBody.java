package dev.switchboard.api;

import java.util.Iterator;
import java.util.Map;

import dev.switchboard.core.doc.Json;
import io.javalin.http.Context;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads Crossbar's request envelope {@code {"data": {...}, "auth_token": ..., "verb": ...}} (spec §9.2). */
public final class RequestBody {
    /** Largest JSON body accepted; media uploads have their own, larger, limit. */
    public static final int MAX_JSON_BYTES = 1 << 20;
    private static final String PARSED = "sb.body";

    private RequestBody() {
    }

    /** The whole envelope, parsed once per request. */
    public static ObjectNode envelope(Context ctx) {
        ObjectNode cached = ctx.attribute(PARSED);
        if (cached != null) {
            return cached;
        }
        // read before judging, even when the declared length is too large already: answering while the client is
        // still sending makes the server close the connection under it, and the client may never see the 413.
        // Javalin's maxRequestSize bounds what is read.
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > MAX_JSON_BYTES) {
            throw tooLarge("a JSON body", MAX_JSON_BYTES);
        }
        if (bytes.length == 0) {
            throw envelopeError("data", "required", "Field is required but missing");
        }
        JsonNode parsed;
        try {
            parsed = Json.parse(bytes);
        } catch (JacksonException e) {
            throw new ApiException(400, "invalid request body", Json.object().put("message", malformed(e)));
        }
        if (!(parsed instanceof ObjectNode envelope)) {
            throw new ApiException(400, "invalid request body",
                    Json.object().put("message", "the body must be a JSON object envelope {\"data\": {...}}"));
        }
        ctx.attribute(PARSED, envelope);
        return envelope;
    }

    /** The envelope's {@code data}, which must be an object. */
    public static ObjectNode data(Context ctx) {
        JsonNode data = envelope(ctx).get("data");
        if (data == null || data.isNull()) {
            throw envelopeError("data", "required", "Field is required but missing");
        }
        if (!(data instanceof ObjectNode object)) {
            throw envelopeError("data", "type", "Value did not match type(s): object");
        }
        return object;
    }

    /** True when a body was sent at all. */
    public static boolean present(Context ctx) {
        return ctx.attribute(PARSED) != null || ctx.bodyAsBytes().length > 0;
    }

    /** Removes what a client may never set: keys starting with {@code _} or {@code pvt_}, at the top level. */
    public static ObjectNode withoutPrivateFields(ObjectNode doc) {
        ObjectNode copy = doc.deepCopy();
        Iterator<Map.Entry<String, JsonNode>> it = copy.properties().iterator();
        while (it.hasNext()) {
            if (isPrivate(it.next().getKey())) {
                it.remove();
            }
        }
        return copy;
    }

    public static boolean isPrivate(String key) {
        return key.startsWith("_") || key.startsWith("pvt_");
    }

    /** Where the parser stopped and why, in its own words less its note on where the object began. */
    private static String malformed(JacksonException e) {
        String why = e.getOriginalMessage().replaceFirst("\\s*\\(start marker at \\[Source.*$", "");
        TokenStreamLocation at = e.getLocation();
        // a broken limit (nesting depth, number length) has no location
        return at == null ? "malformed JSON: " + why
                : "malformed JSON at line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + why;
    }

    /** 413, naming the limit: {@code what} may hold at most {@code limit} bytes. */
    static ApiException tooLarge(String what, long limit) {
        return new ApiException(413, "request_too_large",
                Json.object().put("message", what + " may hold at most " + limit + " bytes"));
    }

    private static ApiException envelopeError(String field, String code, String message) {
        return ApiException.invalid(field, code, message);
    }
}
