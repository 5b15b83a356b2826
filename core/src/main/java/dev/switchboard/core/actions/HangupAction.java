package dev.switchboard.core.actions;

import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;

/**
 * {@code hangup} (spec §6.35): ends the call at once. A hard stop: a callflow that branched here does not resume
 * its caller's "_" child.
 */
public final class HangupAction implements Action {

    @Override
    public String module() {
        return "hangup";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        ctx.call().hangup("NORMAL_CLEARING");
        return new Next.HardStop();
    }
}
