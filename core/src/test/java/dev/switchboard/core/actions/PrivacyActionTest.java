package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class PrivacyActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    private void starSixtySeven(String data) {
        docs.add("callflow", "star67", """
                {"patterns":["^\\\\*67([0-9]*)$"],"flow":{"module":"privacy","data":%s,
                 "children":{"_":{"module":"play","data":{"id":"no-number"}}}}}
                """.formatted(data));
    }

    /** The callee's callflow shows what the caller hides. */
    private void extension() {
        docs.add("callflow", "ext", """
                {"numbers":["1001"],"flow":{"module":"branch_variable","data":{"variable":"privacy-hide-number"},
                 "children":{"true":{"module":"branch_variable","data":{"variable":"privacy-hide-name"},
                   "children":{"true":{"module":"play","data":{"id":"anonymous"}},"false":{"module":"play","data":{"id":"name-shown"}}}},
                  "false":{"module":"play","data":{"id":"number-shown"}}}}}
                """);
    }

    @Test
    void hidesNameAndNumberThenCallsTheNumberDialled() {
        starSixtySeven("{}");
        extension();
        SimulationResult r = Sim.in(docs).to("*671001").run();
        assertThat(Sim.path(r)).containsExactly("privacy→null", "branch_variable→true", "branch_variable→true", "play→null",
                "play→null");
        assertThat(r.steps().get(1).path()).isEqualTo("callflow:ext/flow");
        assertThat(r.steps().get(4).path()).as("the privacy node's \"_\" runs when the callee's flow ends")
                .isEqualTo("flow.children._");
        assertThat(Sim.events(r)).contains("privacy:name+number", "hunt:ext", "play:media:anonymous");
    }

    @Test
    void numberModeHidesOnlyTheNumber() {
        starSixtySeven("{\"mode\":\"number\"}");
        extension();
        SimulationResult r = Sim.in(docs).to("*671001").run();
        assertThat(Sim.events(r)).contains("privacy:number", "play:media:name-shown");
    }

    @Test
    void nameModeHidesOnlyTheName() {
        starSixtySeven("{\"mode\":\"name\"}");
        extension();
        assertThat(Sim.events(Sim.in(docs).to("*671001").run())).contains("privacy:name", "play:media:number-shown");
    }

    @Test
    void mergeAlsoHidesWhatTheCallingEndpointHides() {
        docs.add("device", "d1", "{\"name\":\"desk\",\"caller_id_options\":{\"outbound_privacy\":\"number\"}}");
        starSixtySeven("{\"mode\":\"name\",\"endpoint_strategy\":\"merge\"}");
        extension();
        SimulationResult r = Sim.in(docs).to("*671001").fromDevice("d1").run();
        assertThat(Sim.events(r)).contains("privacy:name+number", "play:media:anonymous");
    }

    @Test
    void withoutANumberItContinues() {
        starSixtySeven("{}");
        SimulationResult r = Sim.in(docs).to("*67").run();
        assertThat(Sim.path(r)).containsExactly("privacy→_", "play→null");
    }

    @Test
    void aNumberThatRoutesNowhereEndsTheCall() {
        starSixtySeven("{}");
        SimulationResult r = Sim.in(docs).to("*671001").run();
        assertThat(Sim.path(r)).containsExactly("privacy→null");
        assertThat(Sim.events(r)).contains("hunt:not_found:1001");
        assertThat(r.outcome().end()).isEqualTo("hangup");
    }

    @Test
    void aCarrierCallCannotDialOutThroughNoMatch() {
        starSixtySeven("{}");
        docs.add("callflow", "out", "{\"numbers\":[\"no_match\"],\"flow\":{\"module\":\"play\",\"data\":{\"id\":\"dial-out\"}}}");
        assertThat(Sim.events(Sim.in(docs).to("*674158867900").run())).contains("hunt:out", "play:media:dial-out");
        SimulationResult fromCarrier = Sim.in(docs).to("*674158867900").fromCarrier().run();
        assertThat(Sim.path(fromCarrier)).containsExactly("privacy→null");
        assertThat(Sim.events(fromCarrier)).contains("hunt:not_found:+14158867900");
    }
}
