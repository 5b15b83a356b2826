package dev.switchboard.core.actions;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import dev.switchboard.core.routing.Route;
import tools.jackson.databind.node.ObjectNode;

/**
 * Entering another callflow as a sub-routine (spec §4.5, §4.13): only its {@code flow} is used, and the step
 * path is labelled {@code callflow:<id>} so a trace shows which callflow the call went into.
 */
final class CallflowBranch {
    private CallflowBranch() {
    }

    /** Into {@code callflow}'s flow; a callflow without a flow ends at once and the caller's "_" child runs. */
    static Next into(Document callflow) {
        ObjectNode flow = callflow.body().get("flow") instanceof ObjectNode f ? f : Json.object();
        return new Next.Branch(flow, "callflow:" + callflow.id());
    }

    /** Into the callflow a dialled number reached, whose capture groups the call now carries (KAZOO's hunt). */
    static Next into(ActionContext ctx, Route route) {
        ctx.state().captureGroup(route.captureGroup());
        ctx.state().captureGroups(route.captureGroups());
        return into(route.callflow());
    }
}
