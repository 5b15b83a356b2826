package dev.switchboard.core.actions;

import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;

/**
 * {@code noop} (spec §6.47): does nothing. KAZOO queues a no-op on the channel and waits for it, which fails once
 * the caller has gone; here commands are not queued, so all that is left is that check.
 */
public final class NoopAction implements Action {

    @Override
    public String module() {
        return "noop";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        return ctx.call().hungUp() ? Next.STOP : Next.CONTINUE;
    }
}
