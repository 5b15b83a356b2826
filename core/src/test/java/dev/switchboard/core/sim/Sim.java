package dev.switchboard.core.sim;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.core.call.Party;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.ActionRegistry;
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

    public SimulationResult run() {
        Simulator simulator = new Simulator(new CallRunner(ActionRegistry.load(), new Router()));
        return simulator.simulate(docs, new SimulationRequest(to, from, deviceId, fromCarrier, at,
                CallerScript.parse(Json.parse(callerJson)), new EndpointBehaviours(endpoints), flow, http));
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
