package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class SetVariablesActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    @Test
    void setsEachCustomApplicationVariableForLaterNodes() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"set_variables","data":{"custom_application_vars":{"tier":"gold","lang":"fr"},"export":true},
                 "children":{"_":{"module":"branch_variable","data":{"variable":"tier"},"children":{
                  "gold":{"module":"play","data":{"id":"gold-greeting"}}}}}}
                """).run();
        assertThat(Sim.path(r)).containsExactly("set_variables→_", "branch_variable→gold", "play→null");
        assertThat(Sim.events(r)).contains("cav:tier=gold", "cav:lang=fr", "play:media:gold-greeting");
    }

    @Test
    void aNullValueRemovesAnEarlierOne() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"set_variables","data":{"custom_application_vars":{"tier":"gold"}},"children":{"_":
                 {"module":"set_variables","data":{"custom_application_vars":{"tier":null}},"children":{"_":
                  {"module":"branch_variable","data":{"variable":"tier"},"children":{
                   "gold":{"module":"play","data":{"id":"gold-greeting"}}}}}}}}
                """).run();
        assertThat(Sim.events(r)).contains("cav:tier:removed", "variable:tier:unset");
        assertThat(Sim.path(r)).endsWith("branch_variable→null");
    }
}
