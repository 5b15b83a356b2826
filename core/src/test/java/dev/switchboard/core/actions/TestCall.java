package dev.switchboard.core.actions;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.core.call.BridgeRequest;
import dev.switchboard.core.call.CallControl;
import dev.switchboard.core.call.CallInfo;
import dev.switchboard.core.call.Party;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionRegistry;
import dev.switchboard.core.engine.CallOutcome;
import dev.switchboard.core.engine.CallRunner;
import dev.switchboard.core.engine.Services;
import dev.switchboard.core.engine.Step;
import dev.switchboard.core.engine.Trace;
import dev.switchboard.core.routing.Router;
import dev.switchboard.core.sim.CallerScript;
import dev.switchboard.core.sim.EndpointBehaviours;
import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.SimulatedCall;
import tools.jackson.databind.node.ObjectNode;

/**
 * A test call for the bridging actions: the real engine on a {@link SimulatedCall} (endpoints answer as told, by
 * device, owner, group, number or "default"), writes landing in the {@link MemoryDocuments} themselves so a test
 * can check what an action saved, and every bridge request kept so a test can check the legs it rang.
 */
final class TestCall {
    /**
     * What the call did.
     *
     * @param bridges every bridge request, in order
     */
    record Result(List<Step> steps, CallOutcome outcome, List<BridgeRequest> bridges) {
        List<String> events() {
            return steps.stream().flatMap(s -> s.events().stream()).toList();
        }

        List<String> path() {
            return steps.stream().map(s -> s.module() + "→" + s.next()).toList();
        }

        BridgeRequest bridge() {
            if (bridges.size() != 1) {
                throw new AssertionError("expected one bridge, got " + bridges);
            }
            return bridges.getFirst();
        }
    }

    private final MemoryDocuments docs;
    private ObjectNode flow;
    private String dialled = "1000";
    private String deviceId;
    private boolean fromCarrier;
    private Party from = new Party("+15555550100", "Test Caller");
    private String caller = "[]";
    private Instant at = Instant.parse("2026-11-25T15:00:00Z");
    private final Map<String, String> endpoints = new HashMap<>();
    private final List<Action> overrides = new ArrayList<>();

    private TestCall(MemoryDocuments docs) {
        this.docs = docs;
    }

    static TestCall in(MemoryDocuments docs) {
        return new TestCall(docs);
    }

    /** Runs this flow; without one the dialled number is routed to the account's callflows. */
    TestCall flow(String json) {
        flow = (ObjectNode) Json.parse(json);
        return this;
    }

    TestCall to(String number) {
        dialled = number;
        return this;
    }

    TestCall fromDevice(String id) {
        deviceId = id;
        return this;
    }

    TestCall fromCarrier() {
        fromCarrier = true;
        return this;
    }

    TestCall from(String number, String name) {
        from = new Party(number, name);
        return this;
    }

    TestCall caller(String stepsJson) {
        caller = stepsJson;
        return this;
    }

    TestCall at(String instant) {
        at = Instant.parse(instant);
        return this;
    }

    /** How the endpoint with this device id, owner id, group id or number (or "default") answers. */
    TestCall endpoint(String key, String outcome) {
        endpoints.put(key, outcome);
        return this;
    }

    /** Runs this action instance instead of the registered one of its module. */
    TestCall with(Action action) {
        overrides.add(action);
        return this;
    }

    Result run() {
        String ownerId = deviceId == null ? null
                : docs.get("device", deviceId).map(d -> Endpoints.ownerId(d.body())).orElse(null);
        CallInfo info = new CallInfo("test-call", docs.accountId(), dialled, from, deviceId, ownerId, fromCarrier);
        SimulatedCall simulated = new SimulatedCall(info, at, CallerScript.parse(Json.parse(caller)),
                new EndpointBehaviours(endpoints), "en-us");
        List<BridgeRequest> bridges = new ArrayList<>();
        CallControl recording = (CallControl) Proxy.newProxyInstance(CallControl.class.getClassLoader(),
                new Class<?>[] {CallControl.class}, (proxy, method, args) -> {
                    if (method.getName().equals("bridge")) {
                        bridges.add((BridgeRequest) args[0]);
                    }
                    try {
                        return method.invoke(simulated, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        ActionRegistry loaded = ActionRegistry.load();
        Map<String, Action> actions = new HashMap<>();
        loaded.modules().forEach(m -> actions.put(m, loaded.find(m).orElseThrow()));
        overrides.forEach(a -> actions.put(a.module(), a));
        CallRunner runner = new CallRunner(ActionRegistry.of(actions.values().toArray(Action[]::new)), new Router());
        Trace trace = runner.run(new Trace(), recording, docs, new Services(null, null, null, null), flow);
        return new Result(trace.steps(), trace.outcome(), bridges);
    }
}
