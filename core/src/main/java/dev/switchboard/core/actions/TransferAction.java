package dev.switchboard.core.actions;

import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.CallOutcome;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;

/**
 * {@code transfer} (spec §6.73): hands the call to {@code target} (an extension or number of the account; when
 * absent the first of {@code captures}, else {@code no_match}), blind unless {@code transfer_type} is
 * {@code attended}. The call leaves the flow without being hung up.
 */
public final class TransferAction implements Action {
    private static final String FALLBACK_TARGET = "no_match";

    @Override
    public String module() {
        return "transfer";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        String target = data.path("target").asString("");
        if (target.isEmpty()) {
            String capture = data.path("captures").path(0).asString("");
            target = capture.isEmpty() ? FALLBACK_TARGET : capture;
        }
        boolean attended = data.path("transfer_type").asString("blind").equals("attended");
        ctx.call().transfer(target, attended);
        ctx.state().outcome(new CallOutcome("transferred", "NORMAL_CLEARING", null));
        return new Next.Handover("transferred");
    }
}
