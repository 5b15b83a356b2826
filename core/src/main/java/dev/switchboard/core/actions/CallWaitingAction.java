package dev.switchboard.core.actions;

import java.util.Optional;

import dev.switchboard.core.call.Media;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code call_waiting} (spec §6.11): feature code that turns server-side call waiting on or off ({@code action}:
 * activate, deactivate, toggle) on the calling device or, with {@code scope: user}, the caller's user; call waiting
 * counts as on until set. Without that document the caller hears {@code cw-not_available} and the call ends.
 */
public final class CallWaitingAction implements Action {

    @Override
    public String module() {
        return "call_waiting";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        boolean user = data.path("scope").asString("device").equals("user");
        Optional<Document> target = user ? CallerEndpoint.user(ctx) : CallerEndpoint.device(ctx);
        ctx.call().answer();
        if (target.isEmpty()) {
            ctx.call().play(Media.Prompt.of("cw-not_available"), "");
            return Next.STOP;
        }
        Document doc = target.get();
        boolean enabled = doc.body().path("call_waiting").path("enabled").asBoolean(true);
        Boolean wanted = switch (data.path("action").asString("toggle")) {
            case "activate" -> true;
            case "deactivate" -> false;
            case "toggle" -> !enabled;
            default -> null;
        };
        if (wanted == null) {
            ctx.call().play(Media.Prompt.of("cw-not_available"), "");
            return Next.CONTINUE;
        }
        if (wanted != enabled) {
            ObjectNode body = doc.body().deepCopy();
            ObjectNode callWaiting = body.get("call_waiting") instanceof ObjectNode cw ? cw : body.putObject("call_waiting");
            callWaiting.put("enabled", wanted);
            ctx.documents().save(doc.type(), doc.id(), body);
        }
        ctx.event("call_waiting:" + (wanted ? "enabled" : "disabled"));
        ctx.call().play(Media.Prompt.of(wanted ? "cw-activated" : "cw-deactivated"), "");
        return Next.CONTINUE;
    }
}
