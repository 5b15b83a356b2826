package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class AfterBridgeActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    private SimulationResult run(String data, String variable) {
        return Sim.in(docs).flow("""
                {"module":"after_bridge","data":%s,"children":{"_":
                 {"module":"branch_variable","data":{"variable":"%s"},"children":{
                  "true":{"module":"play","data":{"id":"yes"}},
                  "1000":{"module":"play","data":{"id":"to-reception"}}}}}}
                """.formatted(data, variable)).run();
    }

    @Test
    void parkAfterTheBridgeEnds() {
        SimulationResult r = run("{\"action\":\"park\",\"data\":true}", "park_after_pickup");
        assertThat(Sim.path(r)).containsExactly("after_bridge→_", "branch_variable→true", "play→null");
        assertThat(Sim.events(r)).contains("after_bridge:park=true");
    }

    @Test
    void hangupAcceptsATruthyString() {
        SimulationResult r = run("{\"action\":\"hangup\",\"data\":\"yes\"}", "hangup_after_pickup");
        assertThat(Sim.events(r)).contains("after_bridge:hangup=true", "play:media:yes");
    }

    @Test
    void aFalsyValueTurnsParkingOff() {
        SimulationResult r = run("{\"action\":\"park\",\"data\":\"no\"}", "park_after_pickup");
        assertThat(Sim.events(r)).contains("after_bridge:park=false", "variable:park_after_pickup=false");
    }

    @Test
    void transferAfterTheBridgeEndsToTheNumberGiven() {
        SimulationResult r = run("{\"action\":\"transfer\",\"data\":\"1000\"}", "transfer_after_pickup");
        assertThat(Sim.path(r)).containsExactly("after_bridge→_", "branch_variable→1000", "play→null");
    }

    @Test
    void transferWithoutANumberSetsNothing() {
        SimulationResult r = run("{\"action\":\"transfer\",\"data\":true}", "transfer_after_pickup");
        assertThat(Sim.events(r)).contains("after_bridge:no_target", "variable:transfer_after_pickup:unset");
    }

    @Test
    void anUnknownActionSetsNothing() {
        SimulationResult r = run("{\"action\":\"dance\",\"data\":true}", "park_after_pickup");
        assertThat(Sim.events(r)).contains("after_bridge:unknown_action", "variable:park_after_pickup:unset");
    }
}
