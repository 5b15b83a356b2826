package dev.switchboard.core.actions;

import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;

/** {@code wait_for_hangup} (spec §6.77): does nothing, without answering, until the caller hangs up. */
public final class WaitForHangupAction implements Action {

    @Override
    public String module() {
        return "wait_for_hangup";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        UntilHangup.await(ctx.call());
        return Next.STOP;
    }
}
