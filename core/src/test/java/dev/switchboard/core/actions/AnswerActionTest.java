package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class AnswerActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    @Test
    void answersThenContinues() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"answer","data":{},"children":{"_":{"module":"play","data":{"id":"m1","answer":false}}}}
                """).run();
        assertThat(Sim.path(r)).containsExactly("answer→_", "play→null");
        assertThat(Sim.events(r)).containsExactly("answer", "play:media:m1", "hangup:NORMAL_CLEARING");
    }

    @Test
    void aCallerWhoIsAlreadyGoneEndsTheFlow() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"answer","data":{},"children":{"_":{"module":"play","data":{"id":"m1"}}}}
                """).caller("[{\"hangup\": true}]").run();
        assertThat(Sim.path(r)).containsExactly("answer→null");
        assertThat(r.outcome().end()).isEqualTo("hangup");
    }
}
