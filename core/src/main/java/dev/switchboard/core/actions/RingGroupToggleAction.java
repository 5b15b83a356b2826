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
 * {@code ring_group_toggle} (spec §6.62): a user logs in to or out of the ring groups of a callflow, as an agent.
 * Data: {@code action} login|logout, {@code callflow_id}. Answers; in every {@code ring_group} node of that
 * callflow, the members of type user that are the caller's user get {@code disable_until} 0 (login) or
 * 66269664000, about the year 2100 (logout), announced with "agent-logged_in"/"agent-logged_out", or
 * "agent-invalid_choice" for a ring group the caller is not in (once per ring group). The callflow is saved when a
 * member changed, its member order kept (KAZOO reverses it, spec §11.3; we do not). Then "_".
 */
public final class RingGroupToggleAction implements Action {
    static final long LOGGED_OUT_UNTIL = 66_269_664_000L;

    @Override
    public String module() {
        return "ring_group_toggle";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        String action = data.path("action").asString("");
        ctx.call().answer();
        Optional<Document> callflow = ctx.documents().get("callflow", CallerIds.text(data.path("callflow_id")));
        if (callflow.isEmpty() || !(action.equals("login") || action.equals("logout"))) {
            ctx.event("ring_group_toggle:" + (callflow.isEmpty() ? "callflow_not_found" : "unknown_action"));
            return Next.CONTINUE;
        }
        ObjectNode body = callflow.get().body().deepCopy();
        boolean changed = toggle(ctx, body.path("flow"), ctx.call().info().ownerId(),
                action.equals("login") ? 0 : LOGGED_OUT_UNTIL, action);
        if (changed) {
            ctx.documents().save("callflow", callflow.get().id(), body);
            ctx.event("saved:callflow:" + callflow.get().id() + ":ring_group." + action);
        }
        return Next.CONTINUE;
    }

    /** Walks the flow depth first; returns whether a member changed. */
    private static boolean toggle(ActionContext ctx, JsonNode node, String ownerId, long until, String action) {
        if (!node.isObject()) {
            return false;
        }
        boolean changed = false;
        if (node.path("module").asString("").equals("ring_group")) {
            boolean member = false;
            for (JsonNode m : node.path("data").path("endpoints")) {
                if (ownerId != null && m.path("endpoint_type").asString("").equals("user")
                        && ownerId.equals(m.path("id").asString("")) && m instanceof ObjectNode object) {
                    member = true;
                    if (object.path("disable_until").asLong(-1) != until) {
                        object.put("disable_until", until);
                        changed = true;
                    }
                }
            }
            ctx.call().play(Media.Prompt.of(!member ? "agent-invalid_choice"
                    : action.equals("login") ? "agent-logged_in" : "agent-logged_out"), "");
        }
        for (JsonNode child : node.path("children")) {
            changed |= toggle(ctx, child, ownerId, until, action);
        }
        return changed;
    }
}
