package dev.switchboard.core.engine;

import java.util.Optional;

import dev.switchboard.core.call.CallControl;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.routing.Route;
import dev.switchboard.core.routing.Router;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * From an arriving call to its end: route the dialled number (spec §3), wrap the account's preflow around the
 * flow (§3.5), run it, and return the trace. Real and simulated calls go through here alike.
 */
public final class CallRunner {
    private final Executor executor;
    private final Router router;

    public CallRunner(ActionRegistry actions, Router router) {
        this.executor = new Executor(actions);
        this.router = router;
    }

    public Router router() {
        return router;
    }

    /**
     * Routes and runs a call, writing into {@code trace}; {@code draftFlow}, when given, runs instead of what the
     * number routes to.
     */
    public Trace run(Trace trace, CallControl rawCall, AccountDocuments docs, Services services, ObjectNode draftFlow) {
        CallControl call = new TracingCallControl(rawCall, trace);
        CallState state = new CallState();
        ActionContext ctx = new ActionContext(call, state, docs, router, services, trace);
        ObjectNode flow;
        if (draftFlow != null) {
            flow = draftFlow;
        } else {
            Optional<Route> route = router.route(docs, call.info().dialled(), !call.info().fromCarrier());
            if (route.isEmpty()) {
                call.respond(404, "Not Found");
                trace.outcome(new CallOutcome("responded", "404", null));
                return trace;
            }
            Route r = route.get();
            state.callflowId(r.callflow().id());
            trace.callflowId(r.callflow().id());
            state.captureGroup(r.captureGroup());
            state.captureGroups(r.captureGroups());
            state.noMatch(r.noMatch());
            JsonNode stored = r.callflow().body().get("flow");
            flow = stored instanceof ObjectNode object ? object : Json.object();
        }
        return executor.run(ctx, withPreflow(docs, flow));
    }

    private static ObjectNode withPreflow(AccountDocuments docs, ObjectNode flow) {
        String preflow = docs.account().body().path("preflow").path("always").asString("");
        if (preflow.isEmpty()) {
            return flow;
        }
        ObjectNode wrapper = Json.object().put("module", "callflow");
        wrapper.putObject("data").put("id", preflow);
        wrapper.putObject("children").set("_", flow);
        return wrapper;
    }
}
