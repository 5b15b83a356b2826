package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class WaitForHangupActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    @Test
    void waitsWithoutAnsweringUntilTheCallerHangsUp() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"wait_for_hangup","data":{},"children":{"_":{"module":"play","data":{"id":"m1"}}}}
                """).caller("[{\"wait_ms\": 4000000}, {\"hangup\": true}]").run();
        assertThat(Sim.path(r)).containsExactly("wait_for_hangup→null");
        assertThat(Sim.events(r)).containsExactly("pause:3600000", "pause:3600000");
        assertThat(r.outcome().end()).isEqualTo("hangup");
    }
}
