package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class SetVariableActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    private SimulationResult setThenBranch(String setData, String variable, String child) {
        return Sim.in(docs).flow("""
                {"module":"set_variable","data":%s,"children":{"_":
                 {"module":"branch_variable","data":{"variable":"%s"},"children":{
                  "%s":{"module":"play","data":{"id":"matched"}},
                  "_":{"module":"play","data":{"id":"other"}}}}}}
                """.formatted(setData, variable, child)).run();
    }

    @Test
    void callPriorityIsSetUnderItsChannelNameForLaterNodes() {
        SimulationResult r = setThenBranch("{\"variable\":\"call_priority\",\"value\":\"5\"}", "Call-Priority", "5");
        assertThat(Sim.path(r)).containsExactly("set_variable→_", "branch_variable→5", "play→null");
        assertThat(Sim.events(r)).contains("variable:Call-Priority=5", "play:media:matched");
    }

    @Test
    void groupIdKeepsKazoosChannelSpelling() {
        SimulationResult r = setThenBranch("{\"variable\":\"group_id\",\"value\":\"g7\",\"channel\":\"both\"}",
                "group-id", "g7");
        assertThat(Sim.events(r)).contains("variable:Group-ID=g7", "play:media:matched");
    }

    @Test
    void anyOtherVariableIsSetAsWritten() {
        SimulationResult r = setThenBranch("{\"variable\":\"department\",\"value\":\"sales\"}", "department", "sales");
        assertThat(Sim.path(r)).containsExactly("set_variable→_", "branch_variable→sales", "play→null");
    }

    @Test
    void withoutAValueNothingIsSet() {
        SimulationResult r = setThenBranch("{\"variable\":\"department\"}", "department", "sales");
        assertThat(Sim.events(r)).contains("variable:not_set", "variable:department:unset", "play:media:other");
    }
}
