package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class DeadAirActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    @Test
    void answersAndHoldsTheLineUntilTheCallerHangsUp() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"dead_air","data":{},"children":{"_":{"module":"play","data":{"id":"m1"}}}}
                """).caller("[{\"wait_ms\": 7000}, {\"hangup\": true}]").run();
        assertThat(Sim.path(r)).containsExactly("dead_air→null");
        assertThat(Sim.events(r)).containsExactly("answer", "pause:3600000");
        assertThat(r.outcome().end()).isEqualTo("hangup");
    }

    @Test
    void aCallerWhoStaysIsHeldHourAfterHour() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"dead_air","data":{},"children":{"_":{"module":"play","data":{"id":"m1"}}}}
                """).caller("[{\"wait_ms\": 9000000}, {\"hangup\": true}]").run();
        assertThat(Sim.events(r)).containsExactly("answer", "pause:3600000", "pause:3600000", "pause:3600000");
        assertThat(Sim.path(r)).containsExactly("dead_air→null");
    }
}
