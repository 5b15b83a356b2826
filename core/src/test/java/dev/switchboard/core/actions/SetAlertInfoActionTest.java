package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class SetAlertInfoActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    private SimulationResult run(String data) {
        return Sim.in(docs).flow("""
                {"module":"set_alert_info","data":%s,"children":{"_":
                 {"module":"branch_variable","data":{"variable":"alert-info"},"children":{
                  "<http://x/ring2.wav>":{"module":"play","data":{"id":"distinctive"}}}}}}
                """.formatted(data)).run();
    }

    @Test
    void setsTheAlertInfoTheCalleesReceive() {
        SimulationResult r = run("{\"alert_info\":\"<http://x/ring2.wav>\"}");
        assertThat(Sim.path(r)).containsExactly("set_alert_info→_", "branch_variable→<http://x/ring2.wav>", "play→null");
        assertThat(Sim.events(r)).contains("alert_info:<http://x/ring2.wav>");
    }

    @Test
    void aMissingValueSetsNothing() {
        SimulationResult r = run("{\"alert_info\":\"  \"}");
        assertThat(Sim.events(r)).contains("alert_info:none", "variable:alert_info:unset");
    }
}
