package dev.switchboard.core.actions;

import java.util.Optional;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;

/**
 * {@code callflow} (spec §4.13, §6.12): runs another callflow's flow as a sub-routine; this node's "_" child runs
 * when that flow stops. Only the target's {@code flow} is used (not its numbers, capture groups or ringback). A
 * missing target continues to "_".
 */
public final class CallflowAction implements Action {

    @Override
    public String module() {
        return "callflow";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        String id = data.path("id").asString("");
        Optional<Document> target = ctx.documents().get("callflow", id);
        if (target.isEmpty()) {
            ctx.event("callflow:not_found:" + id);
            return Next.CONTINUE;
        }
        return CallflowBranch.into(target.get());
    }
}
