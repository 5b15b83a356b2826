package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class CallflowActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();
    private static final String CALLER = """
            {"module":"callflow","data":{"id":"%s"},"children":{"_":{"module":"play","data":{"id":"after"}}}}
            """;

    @Test
    void runsTheTargetFlowThenReturnsToItsOwnChild() {
        docs.add("callflow", "sales", """
                {"numbers":["2000"],"flow":{"module":"play","data":{"id":"inner"}}}""");
        SimulationResult r = Sim.in(docs).flow(CALLER.formatted("sales")).run();
        assertThat(Sim.path(r)).containsExactly("callflow→null", "play→null", "play→null");
        assertThat(r.steps().get(1).path()).isEqualTo("callflow:sales/flow");
        assertThat(Sim.events(r)).containsExactly("answer", "play:media:inner", "play:media:after",
                "hangup:NORMAL_CLEARING");
    }

    @Test
    void aMissingTargetContinuesToTheChild() {
        SimulationResult r = Sim.in(docs).flow(CALLER.formatted("gone")).run();
        assertThat(Sim.path(r)).containsExactly("callflow→_", "play→null");
        assertThat(Sim.events(r)).startsWith("callflow:not_found:gone", "answer", "play:media:after");
    }

    @Test
    void aTargetOfAnotherTypeIsMissingToo() {
        docs.add("user", "u1", "{\"first_name\":\"A\",\"last_name\":\"B\"}");
        SimulationResult r = Sim.in(docs).flow(CALLER.formatted("u1")).run();
        assertThat(Sim.path(r)).containsExactly("callflow→_", "play→null");
    }

    @Test
    void aTargetWithoutAFlowReturnsAtOnce() {
        docs.add("callflow", "empty", "{\"numbers\":[\"2001\"]}");
        SimulationResult r = Sim.in(docs).flow(CALLER.formatted("empty")).run();
        assertThat(Sim.path(r)).containsExactly("callflow→null", "play→null");
        assertThat(Sim.events(r)).contains("play:media:after");
    }

    @Test
    void aCallflowThatCallsItselfEndsAtTheBranchLimit() {
        docs.add("callflow", "loop", """
                {"flow":{"module":"callflow","data":{"id":"loop"}}}""");
        SimulationResult r = Sim.in(docs).flow(CALLER.formatted("loop")).run();
        assertThat(r.outcome().end()).isEqualTo("loop_limit");
        assertThat(r.steps()).hasSize(51);
    }
}
