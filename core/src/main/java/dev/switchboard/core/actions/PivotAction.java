package dev.switchboard.core.actions;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import dev.switchboard.core.engine.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code pivot} (spec §6.52): asks an HTTP server what the call does next. The request ({@code method} get, the
 * default, or post with a {@code req_body_format} form or json body) carries the call's Pivot parameters. With
 * {@code req_format: kazoo} (default) the answer is a callflow node, which the call branches to once it passes the
 * callflow checks; with {@code twiml} it is TwiML, run by {@link Twiml}, whose {@code cdr_url} is told the call's
 * details when it ends. {@code debug} keeps each request and answer as a {@code pivot_debug} document. A server that
 * cannot be reached, fails, or answers something unusable sends the call on to "_".
 */
public final class PivotAction implements Action {
    static final String DEBUG_TYPE = "pivot_debug";

    @Override
    public String module() {
        return "pivot";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        String url = data.path("voice_url").asString("");
        if (!HttpCalls.isHttpUrl(url)) {
            ctx.event("pivot:invalid_url");
            return Next.CONTINUE;
        }
        boolean twiml = data.path("req_format").asString("kazoo").equals("twiml");
        boolean json = data.path("req_body_format").asString("form").equals("json");
        boolean debug = data.path("debug").asBoolean(false);
        Twiml.Fetcher fetcher = (method, target, params) -> fetch(ctx, method, target, params, json, debug);
        String method = data.path("method").asString("get").toLowerCase(Locale.ROOT);
        Optional<String> body = fetcher.fetch(method, url, twiml ? PivotParams.twiml(ctx) : PivotParams.kazoo(ctx));
        if (body.isEmpty()) {
            return Next.CONTINUE;
        }
        if (twiml) {
            String cdrUrl = data.path("cdr_url").asString("");
            if (HttpCalls.isHttpUrl(cdrUrl)) {
                ctx.onEnd(() -> {
                    Map<String, String> cdr = PivotParams.twiml(ctx);
                    cdr.put("CallStatus", "completed");
                    HttpCalls.send(ctx, "post", cdrUrl, cdr, json, Map.of());
                });
            }
            return new Twiml(ctx, fetcher).run(url, body.get());
        }
        Optional<ObjectNode> flow;
        try {
            flow = FlowCheck.valid(Json.parse(body.get()));
        } catch (RuntimeException e) {
            flow = Optional.empty();
        }
        if (flow.isEmpty()) {
            ctx.event("pivot:invalid_flow");
            return Next.CONTINUE;
        }
        return new Next.Branch(flow.get(), "pivot");
    }

    private static Optional<String> fetch(ActionContext ctx, String method, String url, Map<String, String> params,
                                          boolean json, boolean debug) {
        Optional<WebClient.Response> response = HttpCalls.send(ctx, method, url, params, json, Map.of());
        if (debug) {
            ObjectNode record = Json.object().put("call_id", ctx.call().info().callId()).put("method", method)
                    .put("url", url).put("status", response.map(WebClient.Response::status).orElse(0))
                    .put("response", response.map(WebClient.Response::body).orElse(""));
            ObjectNode request = record.putObject("request");
            params.forEach(request::put);
            ctx.documents().save(DEBUG_TYPE, null, record);
        }
        if (response.isEmpty()) {
            ctx.event("pivot:failed:unreachable");
            return Optional.empty();
        }
        if (!HttpCalls.ok(response.get())) {
            ctx.event("pivot:failed:" + response.get().status());
            return Optional.empty();
        }
        return Optional.of(response.get().body());
    }
}
