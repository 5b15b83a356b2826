package dev.switchboard.core.actions;

import java.util.Map;
import java.util.Optional;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import dev.switchboard.core.engine.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code function} (spec §6.31): runs the stored function {@code id} (a {@code function} document of the account)
 * and branches to the flow node it returns, once that flow passes the callflow checks. A function either holds its
 * result as {@code flow}, or names a {@code url} that is asked for it with the call's Pivot parameters and custom
 * application variables (GET). Anything else, or a failure, continues to "_".
 */
public final class FunctionAction implements Action {

    @Override
    public String module() {
        return "function";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        String id = data.path("id").asString("");
        Optional<Document> function = ctx.documents().get("function", id);
        if (function.isEmpty()) {
            ctx.event("function:not_found:" + id);
            return Next.CONTINUE;
        }
        JsonNode result = result(ctx, function.get().body());
        Optional<ObjectNode> flow = FlowCheck.valid(result);
        if (flow.isEmpty()) {
            ctx.event("function:invalid:" + id);
            return Next.CONTINUE;
        }
        return new Next.Branch(flow.get(), "function:" + id);
    }

    private static JsonNode result(ActionContext ctx, ObjectNode function) {
        if (function.get("flow") instanceof ObjectNode flow) {
            return flow;
        }
        String url = function.path("url").asString("");
        if (!HttpCalls.isHttpUrl(url)) {
            return null;
        }
        Map<String, String> params = PivotParams.kazoo(ctx);
        ctx.state().customVariables().properties().forEach(v -> params.put(v.getKey(),
                v.getValue().isValueNode() ? v.getValue().asString() : Json.write(v.getValue())));
        Optional<WebClient.Response> response = HttpCalls.send(ctx, "get", url, params, false, Map.of());
        try {
            return response.filter(HttpCalls::ok).map(r -> Json.parse(r.body())).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
