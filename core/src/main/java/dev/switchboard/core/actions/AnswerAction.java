package dev.switchboard.core.actions;

import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;

/** {@code answer} (spec §6.6): answers the call and continues. */
public final class AnswerAction implements Action {

    @Override
    public String module() {
        return "answer";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        ctx.call().answer();
        return Next.CONTINUE;
    }
}
