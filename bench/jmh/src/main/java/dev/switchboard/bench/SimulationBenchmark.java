package dev.switchboard.bench;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.switchboard.core.call.Party;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.ActionRegistry;
import dev.switchboard.core.engine.CallRunner;
import dev.switchboard.core.routing.Router;
import dev.switchboard.core.sim.CallerScript;
import dev.switchboard.core.sim.EndpointBehaviours;
import dev.switchboard.core.sim.SimulationRequest;
import dev.switchboard.core.sim.SimulationResult;
import dev.switchboard.core.sim.Simulator;
import tools.jackson.databind.node.ObjectNode;

/**
 * The engine through the simulator (no media, virtual clock), on an in-memory account: the per-node overhead of
 * the executor (target ≥ 500,000 nodes/s on one core) and a whole simulated call through a 20-node menu tree
 * (target ≤ 5 ms).
 */
@State(Scope.Benchmark)
public class SimulationBenchmark {
    /** Half the executor's 1,000-step budget: long enough that the per-call set-up is a small share. */
    static final int LONG_CHAIN_NODES = 500;
    /**
     * A depth real flows reach: each node's trace path names every node above it, so per-node cost grows with
     * depth and the long chain alone would overstate what a usual flow pays.
     */
    static final int SHORT_CHAIN_NODES = 50;
    private static final String MENU_NUMBER = "5000";

    /** The chain's node kind, kept apart from the menu benchmark so that one runs once, not once per kind. */
    @State(Scope.Benchmark)
    public static class Chain {
        @Param({"noop", "set_variable"})
        public String module;

        private SimulationRequest longCall;
        private SimulationRequest shortCall;

        @Setup
        public void build() {
            longCall = request("chain", CallerScript.silent(), chain(module, LONG_CHAIN_NODES));
            shortCall = request("chain", CallerScript.silent(), chain(module, SHORT_CHAIN_NODES));
        }
    }

    private final Simulator simulator = new Simulator(new CallRunner(ActionRegistry.load(), new Router()));
    private IndexedDocuments docs;
    private SimulationRequest menuCall;

    @Setup
    public void prepare() {
        docs = new IndexedDocuments("0123456789abcdef0123456789abcdef",
                Json.object().put("name", "bench").put("timezone", "UTC").put("language", "en-us"));
        ObjectNode callflow = Json.object().put("name", "menu tree");
        callflow.putArray("numbers").add(MENU_NUMBER);
        callflow.set("flow", menuTree());
        docs.save("callflow", "menutree", callflow);
        // 2 at the main menu, 3 at the second-level menu: two menus, then the play it leads to
        menuCall = request(MENU_NUMBER, CallerScript.parse(Json.parse(
                "[{\"wait_ms\": 1000}, {\"dtmf\": \"2\"}, {\"wait_ms\": 1000}, {\"dtmf\": \"3\"}]")), null);
        requireSteps(menuCall, 3);
        requireSteps(request("chain", CallerScript.silent(), chain("noop", LONG_CHAIN_NODES)), LONG_CHAIN_NODES);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(LONG_CHAIN_NODES)
    public SimulationResult executorNodesLongChain(Chain chain) {
        return simulator.simulate(docs, chain.longCall);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(SHORT_CHAIN_NODES)
    public SimulationResult executorNodesShortChain(Chain chain) {
        return simulator.simulate(docs, chain.shortCall);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public SimulationResult menuTreeSimulation() {
        return simulator.simulate(docs, menuCall);
    }

    private static SimulationRequest request(String to, CallerScript caller, ObjectNode draftFlow) {
        return new SimulationRequest(to, Party.of("+15551230000"), null, true, Instant.parse("2026-01-05T10:00:00Z"),
                caller, new EndpointBehaviours(Map.of()), draftFlow, Map.of());
    }

    /** Built as objects rather than parsed: Jackson refuses JSON text nested this deep. */
    private static ObjectNode chain(String module, int length) {
        ObjectNode first = null;
        ObjectNode last = null;
        for (int i = 0; i < length; i++) {
            ObjectNode node = Json.object().put("module", module);
            node.putObject("data").put("variable", "step").put("value", i);
            node.putObject("children");
            if (last == null) {
                first = node;
            } else {
                ((ObjectNode) last.get("children")).set("_", node);
            }
            last = node;
        }
        return first;
    }

    /**
     * A main menu with three sub-menus (keys 1-3), each leading to five plays (keys 1-5), and a play on timeout:
     * 1 + 3 + 15 + 1 = 20 nodes, with the three menu documents they load.
     */
    private ObjectNode menuTree() {
        ObjectNode main = menuNode("main");
        ObjectNode mainChildren = (ObjectNode) main.get("children");
        for (int sub = 1; sub <= 3; sub++) {
            ObjectNode subMenu = menuNode("sub" + sub);
            for (int key = 1; key <= 5; key++) {
                ((ObjectNode) subMenu.get("children")).set(String.valueOf(key), play("media" + sub + key));
            }
            mainChildren.set(String.valueOf(sub), subMenu);
        }
        mainChildren.set("timeout", play("nobody"));
        return main;
    }

    private ObjectNode menuNode(String id) {
        docs.save("menu", id, (ObjectNode) Json.parse("""
                {"name":"%s","retries":3,"timeout":3000,"max_extension_length":1,"media":{"greeting":"greet-%s"}}
                """.formatted(id, id)));
        ObjectNode node = Json.object().put("module", "menu");
        node.putObject("data").put("id", id);
        node.putObject("children");
        return node;
    }

    private static ObjectNode play(String media) {
        ObjectNode node = Json.object().put("module", "play");
        node.putObject("data").put("id", media);
        node.putObject("children");
        return node;
    }

    /** A flow that stopped early would be measured as fast as it is wrong. */
    private void requireSteps(SimulationRequest request, int expected) {
        SimulationResult result = simulator.simulate(docs, request);
        if (result.steps().size() != expected) {
            throw new IllegalStateException("expected " + expected + " steps, ran " + result.steps().size() + ": "
                    + result.steps());
        }
    }
}
