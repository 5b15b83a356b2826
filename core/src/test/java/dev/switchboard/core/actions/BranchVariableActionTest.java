package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.doc.Json;
import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;
import tools.jackson.databind.node.ObjectNode;

class BranchVariableActionTest {
    private final MemoryDocuments docs = new MemoryDocuments((ObjectNode) Json.parse("""
            {"name":"acme","timezone":"UTC","tier":"gold","caller_id_options":{"outbound_privacy":"none"}}
            """));

    private static String branch(String data) {
        return """
                {"module":"branch_variable","data":%s,"children":{
                  "gold":{"module":"play","data":{"id":"gold"}},
                  "true":{"module":"play","data":{"id":"yes"}},
                  "6":{"module":"play","data":{"id":"six"}},
                  "_":{"module":"play","data":{"id":"default"}}}}
                """.formatted(data);
    }

    @Test
    void readsAChannelVariableWhateverItsSpelling() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"set_variable","data":{"variable":"Member-Tier","value":"gold"},"children":{"_":%s}}
                """.formatted(branch("{\"variable\":\"member_tier\"}"))).run();
        assertThat(Sim.path(r)).containsExactly("set_variable→_", "branch_variable→gold", "play→null");
        assertThat(Sim.events(r)).contains("variable:member_tier=gold");
    }

    @Test
    void readsANestedCustomApplicationVariableThroughAnArrayPath() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"set_variables","data":{"custom_application_vars":{"crm":{"tier":"gold"}}},"children":{"_":%s}}
                """.formatted(branch("{\"variable\":[\"crm\",\"Tier\"]}"))).run();
        assertThat(Sim.path(r)).containsExactly("set_variables→_", "branch_variable→gold", "play→null");
    }

    @Test
    void readsTheAccountDocument() {
        SimulationResult r = Sim.in(docs).flow(branch("{\"variable\":\"tier\",\"scope\":\"account\"}")).run();
        assertThat(Sim.path(r)).containsExactly("branch_variable→gold", "play→null");
    }

    @Test
    void readsTheCallingDeviceThroughADottedPath() {
        docs.add("device", "d1", "{\"name\":\"desk\",\"call_forward\":{\"enabled\":true}}");
        SimulationResult r = Sim.in(docs).fromDevice("d1")
                .flow(branch("{\"variable\":\"call_forward.enabled\",\"scope\":\"device\"}")).run();
        assertThat(Sim.path(r)).containsExactly("branch_variable→true", "play→null");
        assertThat(Sim.events(r)).contains("variable:call_forward.enabled=true");
    }

    @Test
    void readsTheCallersUserAndANumberNamesItsChild() {
        docs.add("user", "u1", "{\"first_name\":\"Ann\",\"last_name\":\"Lee\",\"floor\":6}");
        docs.add("device", "d1", "{\"name\":\"desk\",\"owner_id\":\"u1\"}");
        SimulationResult r = Sim.in(docs).fromDevice("d1").flow(branch("{\"variable\":\"floor\",\"scope\":\"user\"}")).run();
        assertThat(Sim.path(r)).containsExactly("branch_variable→6", "play→null");
    }

    @Test
    void theUserOfAHotDeskedDeviceIsTheOneLoggedIn() {
        docs.add("user", "owner", "{\"first_name\":\"Ann\",\"last_name\":\"Lee\",\"floor\":1}");
        docs.add("user", "visitor", "{\"first_name\":\"Bo\",\"last_name\":\"Ray\",\"floor\":6}");
        docs.add("device", "d1", "{\"name\":\"desk\",\"owner_id\":\"owner\",\"hotdesk\":{\"users\":{\"visitor\":{}}}}");
        SimulationResult r = Sim.in(docs).fromDevice("d1").flow(branch("{\"variable\":\"floor\",\"scope\":\"user\"}")).run();
        assertThat(Sim.path(r)).containsExactly("branch_variable→6", "play→null");
    }

    @Test
    void mergedReadsTheDeviceThenItsUserThenTheAccount() {
        docs.add("user", "u1", "{\"first_name\":\"Ann\",\"last_name\":\"Lee\",\"vip\":true}");
        docs.add("device", "d1", "{\"name\":\"desk\",\"owner_id\":\"u1\"}");
        assertThat(Sim.path(Sim.in(docs).fromDevice("d1").flow(branch("{\"variable\":\"vip\",\"scope\":\"merged\"}")).run()))
                .containsExactly("branch_variable→true", "play→null");
        assertThat(Sim.path(Sim.in(docs).fromDevice("d1").flow(branch("{\"variable\":\"tier\",\"scope\":\"merged\"}")).run()))
                .containsExactly("branch_variable→gold", "play→null");
    }

    @Test
    void mergedFallsBackToTheCallsVariablesWhenTheEndpointValueHasNoChild() {
        docs.add("device", "d1", "{\"name\":\"desk\",\"level\":\"silver\"}");
        SimulationResult r = Sim.in(docs).fromDevice("d1").flow("""
                {"module":"set_variable","data":{"variable":"level","value":"gold"},"children":{"_":%s}}
                """.formatted(branch("{\"variable\":\"level\",\"scope\":\"merged\"}"))).run();
        assertThat(Sim.path(r)).containsExactly("set_variable→_", "branch_variable→gold", "play→null");
    }

    @Test
    void aValueWithoutItsChildGoesToTheDefault() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"set_variable","data":{"variable":"tier","value":"bronze"},"children":{"_":%s}}
                """.formatted(branch("{\"variable\":\"tier\"}"))).run();
        assertThat(Sim.path(r)).containsExactly("set_variable→_", "branch_variable→_", "play→null");
        assertThat(Sim.events(r)).contains("variable:tier=bronze");
    }

    @Test
    void anUnsetVariableOrAnObjectValueGoesToTheDefault() {
        assertThat(Sim.events(Sim.in(docs).flow(branch("{\"variable\":\"nothing\"}")).run()))
                .contains("variable:nothing:unset", "play:media:default");
        assertThat(Sim.events(Sim.in(docs).flow(branch("{\"variable\":\"caller_id_options\",\"scope\":\"account\"}")).run()))
                .contains("variable:caller_id_options:unset", "play:media:default");
    }

    @Test
    void aCallWithoutADeviceHasNoDeviceOrUserToRead() {
        SimulationResult r = Sim.in(docs).fromCarrier().flow(branch("{\"variable\":\"tier\",\"scope\":\"device\"}")).run();
        assertThat(Sim.events(r)).contains("variable:tier:unset", "play:media:default");
    }
}
