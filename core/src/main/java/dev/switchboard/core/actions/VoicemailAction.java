package dev.switchboard.core.actions;

import java.util.Optional;

import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import dev.switchboard.core.routing.Route;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code voicemail} (spec §6.76): {@code action} compose (leave a message, the default) or check (listen to
 * messages). Continues to "_" when done, branches to the operator's or a caller's callflow when asked to, and
 * stops when the caller hangs up.
 */
public final class VoicemailAction implements Action {

    @Override
    public String module() {
        return "voicemail";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        Optional<VoicemailBox> box = VoicemailBox.resolve(ctx, data);
        return switch (data.path("action").asString("compose")) {
            case "compose" -> VoicemailCompose.run(ctx, box);
            case "check" -> VoicemailCheck.run(ctx, data, box);
            default -> Next.CONTINUE;
        };
    }

    /** Leaves voicemail for another callflow's flow, as a sub-routine (the node's "_" runs after it). */
    static Next branch(Route route) {
        ObjectNode flow = route.callflow().body().get("flow") instanceof ObjectNode f ? f : Json.object();
        return new Next.Branch(flow, "callflow:" + route.callflow().id());
    }
}
