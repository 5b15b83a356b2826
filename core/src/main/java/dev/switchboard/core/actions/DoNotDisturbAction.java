package dev.switchboard.core.actions;

import java.util.Optional;

import dev.switchboard.core.call.CallInfo;
import dev.switchboard.core.call.Media;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code do_not_disturb} (spec §6.23): the feature codes that turn do-not-disturb on or off. Data: {@code action}
 * activate|deactivate|toggle, {@code id} (a user or device; else the caller's user, else the calling device).
 * Nothing to change → "dnd-not_available" and stop. Otherwise answers, writes {@code do_not_disturb.enabled} (only
 * when it changes) and announces "dnd-activated" or "dnd-deactivated"; an unknown action announces
 * "dnd-not_available". Then "_".
 */
public final class DoNotDisturbAction implements Action {

    @Override
    public String module() {
        return "do_not_disturb";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        CallInfo info = ctx.call().info();
        Optional<Document> target = ctx.documents().get(CallerIds.text(data.path("id")))
                .filter(d -> d.type().equals("user") || d.type().equals("device"))
                .or(() -> ctx.documents().get("user", info.ownerId()))
                .or(() -> ctx.documents().get("device", info.deviceId()));
        if (target.isEmpty()) {
            prompt(ctx, "dnd-not_available");
            return Next.STOP;
        }
        ctx.call().answer();
        Document doc = target.get();
        boolean current = doc.body().path("do_not_disturb").path("enabled").asBoolean(false);
        boolean wanted;
        switch (data.path("action").asString("")) {
            case "activate" -> wanted = true;
            case "deactivate" -> wanted = false;
            case "toggle" -> wanted = !current;
            default -> {
                prompt(ctx, "dnd-not_available");
                return Next.CONTINUE;
            }
        }
        if (wanted != current) {
            ObjectNode body = doc.body().deepCopy();
            body.withObjectProperty("do_not_disturb").put("enabled", wanted);
            ctx.documents().save(doc.type(), doc.id(), body);
            ctx.event("saved:" + doc.type() + ":" + doc.id() + ":do_not_disturb." + wanted);
        }
        prompt(ctx, wanted ? "dnd-activated" : "dnd-deactivated");
        return Next.CONTINUE;
    }

    private static void prompt(ActionContext ctx, String id) {
        ctx.call().play(Media.Prompt.of(id), "");
    }
}
