package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class SleepActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    @Test
    void pausesOnTheVirtualClockThenContinues() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"sleep","data":{"duration":2},"children":{"_":{"module":"sleep","data":{"duration":600,"unit":"s"}}}}
                """).run();
        assertThat(Sim.path(r)).containsExactly("sleep→_", "sleep→null");
        assertThat(r.steps().get(1).tMs()).isEqualTo(2000);
        assertThat(Sim.events(r)).contains("pause:2000", "pause:600000");
        assertThat(r.outcome().end()).isEqualTo("hangup");
    }

    @Test
    void aCallerWhoHangsUpDuringThePauseEndsTheFlow() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"sleep","data":{"duration":10},"children":{"_":{"module":"play","data":{"id":"greeting"}}}}
                """).caller("[{\"wait_ms\": 3000}, {\"hangup\": true}]").run();
        assertThat(Sim.path(r)).containsExactly("sleep→null");
        assertThat(r.outcome().end()).isEqualTo("hangup");
    }

    @Test
    void unitsAndClamping() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"sleep","data":{"duration":1500,"unit":"ms"},"children":{"_":
                 {"module":"sleep","data":{"duration":-5},"children":{"_":
                  {"module":"sleep","data":{"duration":2,"unit":"m"}}}}}}
                """).run();
        assertThat(Sim.events(r)).containsExactly("pause:1500", "pause:0", "pause:120000", "hangup:NORMAL_CLEARING");
    }
}
