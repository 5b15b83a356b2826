package dev.switchboard.core.actions;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.switchboard.core.call.CallInfo;
import dev.switchboard.core.call.Party;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.ActionRegistry;
import dev.switchboard.core.engine.CallState;
import dev.switchboard.core.engine.Executor;
import dev.switchboard.core.engine.Services;
import dev.switchboard.core.engine.Step;
import dev.switchboard.core.engine.Trace;
import dev.switchboard.core.engine.TracingCallControl;
import dev.switchboard.core.engine.WebClient;
import dev.switchboard.core.routing.Router;
import dev.switchboard.core.sim.CallerScript;
import dev.switchboard.core.sim.EndpointBehaviours;
import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.SimulatedCall;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs a flow as {@link dev.switchboard.core.sim.Sim} does but keeps what a simulation hides: the call's state
 * (DTMF collections, capture groups, variables) and the writes to the account's documents, which go to
 * {@code docs} itself. Every HTTP request gets a 404.
 */
final class FlowRun {
    /** What the call left behind. */
    record Result(CallState state, Trace trace, SimulatedCall call) {
        List<String> events() {
            return trace.steps().stream().flatMap(s -> s.events().stream()).toList();
        }

        List<String> paths() {
            return trace.steps().stream().map(Step::path).toList();
        }
    }

    private final MemoryDocuments docs;
    private String flow;
    private String caller = "[]";
    private boolean fromCarrier;
    private String callflowId;

    private FlowRun(MemoryDocuments docs) {
        this.docs = docs;
    }

    static FlowRun in(MemoryDocuments docs) {
        return new FlowRun(docs);
    }

    FlowRun flow(String json) {
        flow = json;
        return this;
    }

    FlowRun caller(String stepsJson) {
        caller = stepsJson;
        return this;
    }

    FlowRun fromCarrier() {
        fromCarrier = true;
        return this;
    }

    /** As if the call had been routed to this callflow. */
    FlowRun routedTo(String id) {
        callflowId = id;
        return this;
    }

    Result run() {
        CallInfo info = new CallInfo("call-1", docs.accountId(), "1000", new Party("+15555550100", "Test Caller"),
                null, null, fromCarrier);
        SimulatedCall call = new SimulatedCall(info, Instant.parse("2026-11-25T15:00:00Z"),
                CallerScript.parse(Json.parse(caller)), new EndpointBehaviours(Map.of()), "en-us");
        Trace trace = new Trace();
        CallState state = new CallState();
        state.callflowId(callflowId);
        WebClient nothingThere = (method, url, headers, body) -> new WebClient.Response(404, "text/plain", "");
        ActionContext ctx = new ActionContext(new TracingCallControl(call, trace), state, docs, new Router(),
                new Services(null, nothingThere, null, null), trace);
        new Executor(ActionRegistry.load()).run(ctx, (ObjectNode) Json.parse(flow));
        return new Result(state, trace, call);
    }
}
