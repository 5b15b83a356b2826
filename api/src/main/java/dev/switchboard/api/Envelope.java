package dev.switchboard.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.switchboard.core.doc.Json;
import io.javalin.http.Context;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Crossbar's response envelope (spec §9.3). */
public final class Envelope {
    public static final String VERSION = "0.1.0";
    static final String REQUEST_ID = "sb.request_id";
    static final String AUTH_TOKEN = "sb.auth_token";

    private Envelope() {
    }

    public static ObjectNode success(Context ctx, JsonNode data) {
        ObjectNode env = Json.object();
        env.put("auth_token", authToken(ctx));
        env.set("data", data);
        env.put("request_id", requestId(ctx));
        env.put("status", "success");
        env.put("timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        env.put("version", VERSION);
        return env;
    }

    public static void send(Context ctx, int status, ObjectNode envelope) {
        ctx.status(status).contentType("application/json").result(Json.bytes(envelope));
    }

    public static void ok(Context ctx, JsonNode data) {
        send(ctx, 200, success(ctx, data));
    }

    public static void ok(Context ctx, JsonNode data, String revision) {
        ObjectNode env = success(ctx, data);
        if (revision != null) {
            env.put("revision", revision);
            ctx.header("ETag", '"' + revision + '"');
        }
        send(ctx, 200, env);
    }

    public static void error(Context ctx, ApiException e) {
        ObjectNode env = Json.object();
        env.put("auth_token", authToken(ctx));
        env.set("data", e.data());
        env.put("error", Integer.toString(e.status()));
        env.put("message", e.getMessage());
        env.put("request_id", requestId(ctx));
        env.put("status", e.status() >= 500 ? "fatal" : "error");
        env.put("timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        env.put("version", VERSION);
        send(ctx, e.status(), env);
    }

    static String requestId(Context ctx) {
        Object id = ctx.attribute(REQUEST_ID);
        return id == null ? "" : id.toString();
    }

    private static String authToken(Context ctx) {
        Object token = ctx.attribute(AUTH_TOKEN);
        return token == null ? "" : token.toString();
    }
}
