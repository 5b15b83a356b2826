package dev.switchboard.core.actions;

import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import dev.switchboard.core.routing.Route;

/**
 * Going on to the callflow another number routes to: the call takes that route's capture groups (the feature
 * code's argument there) and branches to its flow, labelled {@code callflow:<id>} in the trace.
 */
final class Hunting {
    private Hunting() {
    }

    /** Records the number the call now goes to, for the actions that dial it onwards. */
    static void destination(ActionContext ctx, String number) {
        ctx.state().request(number);
    }

    static Next branch(ActionContext ctx, Route route) {
        ctx.event("hunt:" + route.callflow().id());
        return CallflowBranch.into(ctx, route);
    }
}
