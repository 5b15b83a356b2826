package dev.switchboard.core.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.core.call.Party;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.ActionRegistry;
import dev.switchboard.core.engine.ActiveCalls;
import dev.switchboard.core.engine.CallRunner;
import dev.switchboard.core.engine.Step;
import dev.switchboard.core.routing.Router;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fluent test calls for engine and action tests:
 * {@code Sim.in(docs).flow("{...}").caller("[{\"dtmf\":\"1\"}]").endpoint("dev1", "busy").run()}.
 */
public final class Sim {
    private final MemoryDocuments docs;
    private String to = "1000";
    private String callerJson = "[]";
    private final Map<String, String> endpoints = new HashMap<>();
    private final Map<String, String> http = new HashMap<>();
    private final List<ActiveCalls.LiveCall> activeCalls = new ArrayList<>();
    private boolean keepWrites;
    private ObjectNode flow;
    private String deviceId;
    private boolean fromCarrier;
    private Party from = new Party("+15555550100", "Test Caller");
    private Instant at = Instant.parse("2026-11-25T15:00:00Z");

    private Sim(MemoryDocuments docs) {
        this.docs = docs;
    }

    public static Sim in(MemoryDocuments docs) {
        return new Sim(docs);
    }

    /** Runs this flow (a JSON node with module/data/children) instead of routing. */
    public Sim flow(String json) {
        this.flow = (ObjectNode) Json.parse(json);
        return this;
    }

    public Sim to(String number) {
        this.to = number;
        return this;
    }

    public Sim caller(String stepsJson) {
        this.callerJson = stepsJson;
        return this;
    }

    /**
     * The caller's timeline without JSON: a number waits that many ms, {@code "hangup"} and {@code "taken"} do
     * that, any other string presses those keys. {@code script(8000, "#", 400, "1", "hangup")}.
     */
    public Sim script(Object... steps) {
        var json = Json.array();
        for (Object step : steps) {
            switch (step) {
                case Number ms -> json.addObject().put("wait_ms", ms.longValue());
                case String s when s.equals("hangup") || s.equals("taken") -> json.addObject().put(s, true);
                case String keys -> json.addObject().put("dtmf", keys);
                default -> throw new IllegalArgumentException("not a caller step: " + step);
            }
        }
        this.callerJson = Json.write(json);
        return this;
    }

    public Sim endpoint(String key, String outcome) {
        endpoints.put(key, outcome);
        return this;
    }

    public Sim http(String url, String body) {
        http.put(url, body);
        return this;
    }

    public Sim fromDevice(String id) {
        this.deviceId = id;
        return this;
    }

    public Sim fromCarrier() {
        this.fromCarrier = true;
        return this;
    }

    public Sim from(String number, String name) {
        this.from = new Party(number, name);
        return this;
    }

    public Sim at(String isoInstant) {
        this.at = Instant.parse(isoInstant);
        return this;
    }

    /** Another live call of the account: {@code state} "ringing" or "answered", on that device of that owner. */
    public Sim activeCall(String callId, String state, String deviceId, String ownerId) {
        activeCalls.add(new ActiveCalls.LiveCall(callId, state, deviceId, ownerId));
        return this;
    }

    /** What the flow writes lands in the test's documents, so a later call (or the test) sees it. */
    public Sim keepWrites() {
        this.keepWrites = true;
        return this;
    }

    public SimulationResult run() {
        Simulator simulator = new Simulator(new CallRunner(ActionRegistry.load(), new Router()));
        SimulationRequest request = new SimulationRequest(to, from, deviceId, fromCarrier, at,
                CallerScript.parse(Json.parse(callerJson)), new EndpointBehaviours(endpoints), flow, http)
                .withActiveCalls(activeCalls);
        return simulator.simulate(docs, request, keepWrites);
    }

    /** Every event of every step, in order: handy for assertions. */
    public static List<String> events(SimulationResult result) {
        return result.steps().stream().flatMap(s -> s.events().stream()).toList();
    }

    /** module→next for each step, e.g. "menu→1": the path the call took. */
    public static List<String> path(SimulationResult result) {
        return result.steps().stream().map((Step s) -> s.module() + "→" + s.next()).toList();
    }
}
