package dev.switchboard.core.actions;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.switchboard.core.call.CallInfo;
import dev.switchboard.core.call.Party;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import dev.switchboard.core.engine.WebClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code webhook} (spec §6.78): tells an HTTP server about the call and goes on to "_" whatever it answers. The
 * request carries the call's data ({@code call_id}, {@code caller_id_number}, {@code to}, ...), the call's custom
 * application variables and {@code custom_data}'s fields: {@code http_verb} get (query string) or post (default;
 * {@code format} form-data, the default, or json), with {@code custom_request_headers}. An unreachable server or a
 * 5xx answer is tried {@code retries} more times (default 2, at most 4).
 */
public final class WebhookAction implements Action {
    private static final int DEFAULT_RETRIES = 2;
    private static final int MOST_RETRIES = 4;

    @Override
    public String module() {
        return "webhook";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        String uri = data.path("uri").asString("");
        if (!HttpCalls.isHttpUrl(uri)) {
            ctx.event("webhook:invalid_uri");
            return Next.CONTINUE;
        }
        String verb = data.path("http_verb").asString("post").toLowerCase(Locale.ROOT);
        boolean json = data.path("format").asString("form-data").equals("json");
        Map<String, String> headers = new LinkedHashMap<>();
        data.path("custom_request_headers").properties().forEach(h -> headers.put(h.getKey(), h.getValue().asString("")));
        Map<String, String> payload = payload(ctx, data.path("custom_data"));
        int attempts = 1 + Math.clamp(data.path("retries").asInt(DEFAULT_RETRIES), 0, MOST_RETRIES);
        for (int attempt = 1; attempt <= attempts; attempt++) {
            Optional<WebClient.Response> response = HttpCalls.send(ctx, verb, uri, payload, json, headers);
            if (response.isPresent() && response.get().status() < 500) {
                if (!HttpCalls.ok(response.get())) {
                    ctx.event("webhook:failed:" + response.get().status());
                }
                return Next.CONTINUE;
            }
        }
        ctx.event("webhook:failed:unavailable");
        return Next.CONTINUE;
    }

    /** KAZOO's call data (without its internal stores), then {@code custom_data}'s fields. */
    private static Map<String, String> payload(ActionContext ctx, JsonNode customData) {
        CallInfo info = ctx.call().info();
        Party caller = PresentedCallerId.own(ctx);
        Map<String, String> payload = new LinkedHashMap<>();
        put(payload, "hook", "callflow");
        put(payload, "account_id", ctx.accountId());
        put(payload, "call_id", info.callId());
        put(payload, "callflow_id", ctx.state().callflowId());
        put(payload, "caller_id_name", caller.name());
        put(payload, "caller_id_number", caller.number());
        put(payload, "from", caller.number());
        put(payload, "to", info.dialled());
        put(payload, "request", java.util.Objects.requireNonNullElse(ctx.state().request(), info.dialled()));
        put(payload, "authorizing_id", info.deviceId());
        put(payload, "authorizing_type", info.deviceId() != null ? "device" : info.fromCarrier() ? "resource" : null);
        put(payload, "owner_id", CallerEndpoint.ownerId(ctx));
        put(payload, "language", ctx.call().language());
        put(payload, "timestamp", String.valueOf(ctx.call().now().getEpochSecond() + Document.GREGORIAN_UNIX_OFFSET));
        if (!ctx.state().customVariables().isEmpty()) {
            put(payload, "custom_application_vars", Json.write(ctx.state().customVariables()));
        }
        customData.properties().forEach(f -> put(payload, f.getKey(),
                f.getValue().isValueNode() ? f.getValue().asString() : Json.write(f.getValue())));
        return payload;
    }

    private static void put(Map<String, String> payload, String key, String value) {
        if (value != null && !value.isEmpty()) {
            payload.put(key, value);
        }
    }
}
