package dev.switchboard.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.call.CallInfo;
import dev.switchboard.core.call.Party;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.routing.Router;
import dev.switchboard.core.sim.CallerScript;
import dev.switchboard.core.sim.EndpointBehaviours;
import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.SimulatedCall;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The executor's rules of spec §4, with actions made up for the test. */
class ExecutorTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    private static Action action(String module, BiFunction<ActionContext, JsonNode, Next> body) {
        return new Action() {
            @Override
            public String module() {
                return module;
            }

            @Override
            public Next execute(ActionContext ctx, JsonNode data) {
                return body.apply(ctx, data);
            }
        };
    }

    private final ActionRegistry registry = ActionRegistry.of(
            action("go", (ctx, data) -> Next.to(data.path("key").asString("_"))),
            action("stop", (ctx, data) -> new Next.Stop(data.path("cause").asString(null))),
            action("boom", (ctx, data) -> {
                throw new IllegalStateException("broken action");
            }),
            action("sub", (ctx, data) -> new Next.Branch((ObjectNode) Json.parse(data.path("flow").asString()), "sub")),
            action("conference", (ctx, data) -> new Next.Handover("conference")),
            action("recurse", (ctx, data) -> new Next.Branch(ctx.node().deepCopy(), "again")));

    private Trace run(String flowJson) {
        return run((ObjectNode) Json.parse(flowJson));
    }

    private Trace run(ObjectNode flow) {
        CallInfo info = new CallInfo("c1", docs.accountId(), "1000", Party.of("+15555550100"), null, null, false);
        SimulatedCall call = new SimulatedCall(info, Instant.EPOCH, CallerScript.silent(),
                new EndpointBehaviours(Map.of()), "en-us");
        Trace trace = new Trace();
        Services none = new Services(null, null, null, accountId -> List.of());
        return new CallRunner(registry, new Router()).run(trace, call, docs, none, flow);
    }

    private static List<String> path(Trace trace) {
        return trace.steps().stream().map(s -> s.module() + "@" + s.path() + "→" + s.next()).toList();
    }

    @Test
    void aMissingChildFallsBackToTheWildcardThenStops() {
        Trace t = run("""
                {"module":"go","data":{"key":"2"},"children":{"1":{"module":"stop","data":{}},
                 "_":{"module":"go","data":{"key":"x"}}}}
                """);
        assertThat(path(t)).containsExactly("go@flow→_", "go@flow.children._→null");
        assertThat(t.outcome().end()).isEqualTo("hangup");
    }

    @Test
    void skippedAndUnknownModulesGoToTheWildcard() {
        Trace t = run("""
                {"module":"teleport","data":{},"children":{"_":{"module":"stop","data":{"skip_module":true},
                 "children":{"_":{"module":"stop","data":{}}}}}}
                """);
        assertThat(path(t)).containsExactly("teleport@flow→_", "stop@flow.children._→_",
                "stop@flow.children._.children._→null");
        assertThat(t.steps().get(0).events()).contains("unknown_module");
        assertThat(t.steps().get(1).events()).contains("skipped");
    }

    @Test
    void anActionThatThrowsContinuesToTheWildcard() {
        Trace t = run("{\"module\":\"boom\",\"data\":{},\"children\":{\"_\":{\"module\":\"stop\",\"data\":{}}}}");
        assertThat(path(t)).containsExactly("boom@flow→_", "stop@flow.children._→null");
        assertThat(t.steps().get(0).events()).contains("error:IllegalStateException");
    }

    @Test
    void aBranchReturnsToTheWildcardOfItsNodeWhenItStops() {
        Trace t = run("""
                {"module":"sub","data":{"flow":"{\\"module\\":\\"stop\\",\\"data\\":{}}"},
                 "children":{"_":{"module":"stop","data":{"cause":"USER_BUSY"}}}}
                """);
        assertThat(path(t)).containsExactly("sub@flow→null", "stop@sub/flow→null", "stop@flow.children._→null");
        assertThat(t.outcome().cause()).isEqualTo("USER_BUSY");
    }

    @Test
    void endlessBranchingEndsAtTheBranchBudget() {
        Trace t = run("{\"module\":\"recurse\",\"data\":{}}");
        assertThat(t.outcome().end()).isEqualTo("loop_limit");
        assertThat(t.steps()).hasSize(Executor.MAX_BRANCHES + 1);
    }

    @Test
    void aLoopOfNodesEndsAtTheStepBudget() {
        ObjectNode flow = (ObjectNode) Json.parse("{\"module\":\"go\",\"data\":{\"key\":\"again\"},\"children\":{}}");
        ObjectNode inner = flow;
        for (int i = 0; i < Executor.MAX_STEPS + 10; i++) {
            ObjectNode next = (ObjectNode) Json.parse("{\"module\":\"go\",\"data\":{\"key\":\"again\"},\"children\":{}}");
            ((ObjectNode) inner.get("children")).set("again", next);
            inner = next;
        }
        Trace t = run(flow);
        assertThat(t.outcome().end()).isEqualTo("loop_limit");
        assertThat(t.steps()).hasSize(Executor.MAX_STEPS);
    }

    @Test
    void aHandoverEndsTheFlowWithoutHangingUp() {
        Trace t = run("{\"module\":\"conference\",\"data\":{},\"children\":{\"_\":{\"module\":\"stop\",\"data\":{}}}}");
        assertThat(path(t)).containsExactly("conference@flow→null");
        assertThat(t.outcome().end()).isEqualTo("conference");
        assertThat(t.steps().get(0).events()).noneMatch(e -> e.startsWith("hangup"));
    }
}
