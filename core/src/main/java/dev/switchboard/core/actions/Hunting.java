package dev.switchboard.core.actions;

import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import dev.switchboard.core.routing.Route;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Going on to the callflow another number routes to: the call takes that route's capture groups (the feature
 * code's argument there) and branches to its flow, labelled {@code callflow:<id>} in the trace.
 */
final class Hunting {
    /** KVS key of the number a feature code sends the call on to (KAZOO rewrites the request to it). */
    static final String DESTINATION = "request";

    private Hunting() {
    }

    /** Records the number the call now goes to, for the actions that dial it onwards. */
    static void destination(ActionContext ctx, String number) {
        ctx.state().kvs().put(DESTINATION, number);
    }

    static Next branch(ActionContext ctx, Route route) {
        ctx.state().captureGroup(route.captureGroup());
        ctx.state().captureGroups(route.captureGroups());
        ctx.event("hunt:" + route.callflow().id());
        JsonNode flow = route.callflow().body().get("flow");
        return new Next.Branch(flow instanceof ObjectNode object ? object : Json.object(),
                "callflow:" + route.callflow().id());
    }
}
