package dev.switchboard.core.engine;

import tools.jackson.databind.JsonNode;

/** One callflow module. Implementations are stateless; everything about the call is in the context. */
public interface Action {

    /** The module name this action answers to, e.g. {@code play}. */
    String module();

    /**
     * Runs the action on the call's thread.
     *
     * @throws dev.switchboard.core.call.CallHungUp when the caller leaves; the executor ends the flow
     */
    Next execute(ActionContext ctx, JsonNode data);
}
