package dev.switchboard.core.actions;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;

import dev.switchboard.core.call.CallControl;
import dev.switchboard.core.call.CallInfo;
import dev.switchboard.core.call.Party;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionRegistry;
import dev.switchboard.core.engine.ActiveCalls;
import dev.switchboard.core.engine.CallRunner;
import dev.switchboard.core.engine.Notice;
import dev.switchboard.core.engine.Notifier;
import dev.switchboard.core.engine.Presence;
import dev.switchboard.core.engine.Services;
import dev.switchboard.core.engine.Trace;
import dev.switchboard.core.engine.WebClient;
import dev.switchboard.core.routing.Router;
import dev.switchboard.core.sim.CallerScript;
import dev.switchboard.core.sim.EndpointBehaviours;
import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.SimulatedCall;
import dev.switchboard.core.sim.SimulationResult;
import tools.jackson.databind.node.ObjectNode;

/**
 * A simulated call for what {@link dev.switchboard.core.sim.Sim} cannot set up: other live calls of the account,
 * a caller that is a fax machine, an action only the test has, and HTTP requests and e-mails recorded in full. It
 * runs on the test's documents directly, so what actions save can be read back.
 */
final class LiveSim {
    /** An HTTP request an action made. */
    record Request(String method, String url, Map<String, String> headers, String body) {
    }

    private final MemoryDocuments docs;
    private ObjectNode flow;
    private String to = "1000";
    private String deviceId;
    private boolean fromCarrier;
    private boolean faxCaller;
    private String callerJson = "[]";
    private ActiveCalls activeCalls = accountId -> List.of();
    private Function<Request, WebClient.Response> web = r -> new WebClient.Response(404, "text/plain", "");
    private final List<Action> extraActions = new ArrayList<>();
    private final List<Request> requests = new ArrayList<>();
    private final List<Notice> emails = new ArrayList<>();
    private Party presentedCallerId;

    private LiveSim(MemoryDocuments docs) {
        this.docs = docs;
    }

    static LiveSim in(MemoryDocuments docs) {
        return new LiveSim(docs);
    }

    LiveSim flow(String json) {
        this.flow = (ObjectNode) Json.parse(json);
        return this;
    }

    /** The number dialled; without a {@link #flow} the call is routed by it. */
    LiveSim to(String number) {
        this.to = number;
        return this;
    }

    LiveSim fromDevice(String id) {
        this.deviceId = id;
        return this;
    }

    LiveSim fromCarrier() {
        this.fromCarrier = true;
        return this;
    }

    LiveSim caller(String stepsJson) {
        this.callerJson = stepsJson;
        return this;
    }

    /** The caller is a fax machine: its tone is heard one second into a detection. */
    LiveSim faxCaller() {
        this.faxCaller = true;
        return this;
    }

    LiveSim liveCalls(ActiveCalls calls) {
        this.activeCalls = calls;
        return this;
    }

    /** How the web answers each request; unanswered requests get a 404. */
    LiveSim web(Function<Request, WebClient.Response> answers) {
        this.web = answers;
        return this;
    }

    LiveSim action(Action action) {
        extraActions.add(action);
        return this;
    }

    List<Request> requests() {
        return requests;
    }

    /** The e-mails actions sent, as they handed them to the notifier. */
    List<Notice> emails() {
        return emails;
    }

    /** The caller ID the call presented onwards when it ended. */
    Party presentedCallerId() {
        return presentedCallerId;
    }

    SimulationResult run() {
        Trace trace = new Trace();
        String ownerId = deviceId == null ? null : docs.get("device", deviceId)
                .map(Document::body).map(b -> b.path("owner_id").asString(null)).orElse(null);
        CallInfo info = new CallInfo("call-under-test", docs.accountId(), to, new Party("+15555550100", "Test Caller"),
                deviceId, ownerId, fromCarrier);
        SimulatedCall sim = new SimulatedCall(info, Instant.parse("2026-11-25T15:00:00Z"),
                CallerScript.parse(Json.parse(callerJson)), new EndpointBehaviours(Map.of()), "en-us");
        Notifier notifier = notice -> {
            emails.add(notice);
            trace.event("email:" + String.join(",", notice.to()));
        };
        WebClient client = (method, url, headers, body) -> {
            Request request = new Request(method, url, headers, body);
            requests.add(request);
            trace.event("http:" + method + ":" + url);
            return web.apply(request);
        };
        Presence presence = new Presence() {
            @Override
            public void update(String presenceId, String state) {
                trace.event("presence:" + presenceId + ":" + state);
            }

            @Override
            public void messageWaiting(String accountId, String vmboxId, int newMessages, int savedMessages) {
            }
        };
        new CallRunner(registry(), new Router()).run(trace, faxCaller ? faxing(sim) : sim, docs,
                new Services(notifier, client, presence, activeCalls), flow);
        presentedCallerId = sim.callerId();
        return new SimulationResult(trace.callflowId(), trace.steps(), trace.outcome());
    }

    private ActionRegistry registry() {
        List<Action> all = new ArrayList<>();
        ServiceLoader.load(Action.class).forEach(all::add);
        all.addAll(extraActions);
        return ActionRegistry.of(all.toArray(Action[]::new));
    }

    private static CallControl faxing(SimulatedCall sim) {
        return (CallControl) Proxy.newProxyInstance(CallControl.class.getClassLoader(), new Class<?>[] {CallControl.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("detectFax")) {
                        sim.pause(Duration.ofSeconds(1));
                        return true;
                    }
                    try {
                        return method.invoke(sim, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
