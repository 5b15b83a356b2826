package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class SkelActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    @Test
    void doesNothingAndContinuesWhateverItsData() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"skel","data":{"anything":[1,2,3]},"children":{"1":{"module":"play","data":{"id":"one"}},
                 "_":{"module":"play","data":{"id":"m1"}}}}
                """).run();
        assertThat(Sim.path(r)).containsExactly("skel→_", "play→null");
        assertThat(Sim.events(r)).containsExactly("answer", "play:media:m1", "hangup:NORMAL_CLEARING");
        assertThat(r.steps().get(1).tMs()).isZero();
    }
}
