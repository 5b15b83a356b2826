package dev.switchboard.core.actions;

import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;

/** {@code dead_air} (spec §6.19): answers and holds the line open, silent, until the caller hangs up. */
public final class DeadAirAction implements Action {

    @Override
    public String module() {
        return "dead_air";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        ctx.call().answer();
        UntilHangup.await(ctx.call());
        return Next.STOP;
    }
}
