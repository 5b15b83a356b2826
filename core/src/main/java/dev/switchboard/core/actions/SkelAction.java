package dev.switchboard.core.actions;

import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;

/** {@code skel} (spec §6.70): KAZOO's template for new actions; continues to "_". */
public final class SkelAction implements Action {

    @Override
    public String module() {
        return "skel";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        return Next.CONTINUE;
    }
}
