package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class HangupActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    @Test
    void hangsUpWithoutRunningTheChildren() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"hangup","data":{},"children":{"_":{"module":"play","data":{"id":"m1"}}}}
                """).run();
        assertThat(Sim.path(r)).containsExactly("hangup→null");
        assertThat(Sim.events(r)).containsExactly("hangup:NORMAL_CLEARING");
        assertThat(r.outcome().end()).isEqualTo("hangup");
        assertThat(r.outcome().cause()).isEqualTo("NORMAL_CLEARING");
    }

    @Test
    void aHangupInsideAnotherCallflowDoesNotReturnToTheCaller() {
        docs.add("callflow", "inner", "{\"flow\":{\"module\":\"hangup\",\"data\":{}}}");
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"callflow","data":{"id":"inner"},"children":{"_":{"module":"play","data":{"id":"after"}}}}
                """).run();
        assertThat(Sim.path(r)).containsExactly("callflow→null", "hangup→null");
        assertThat(Sim.events(r)).doesNotContain("play:media:after");
    }
}
