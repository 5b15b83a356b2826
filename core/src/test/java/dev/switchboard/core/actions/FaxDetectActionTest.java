package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class FaxDetectActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    private static String detect(String data) {
        return """
                {"module":"fax_detect","data":%s,"children":{
                  "ON_FAX":{"module":"play","data":{"id":"fax"}},
                  "ON_VOICE":{"module":"play","data":{"id":"voice"}}}}
                """.formatted(data);
    }

    @Test
    void aPersonIsVoiceAfterListeningTheDefaultFiveSeconds() {
        SimulationResult r = Sim.in(docs).flow(detect("{}")).run();
        assertThat(Sim.path(r)).containsExactly("fax_detect→ON_VOICE", "play→null");
        assertThat(Sim.events(r)).containsSubsequence("answer", "fax_detect:voice", "play:media:voice");
        assertThat(r.steps().get(1).tMs()).isEqualTo(5000);
    }

    @Test
    void listensForTheDurationGiven() {
        SimulationResult r = Sim.in(docs).flow(detect("{\"duration\":2}")).run();
        assertThat(r.steps().get(1).tMs()).isEqualTo(2000);
    }

    @Test
    void aFaxMachineIsFax() {
        SimulationResult r = LiveSim.in(docs).faxCaller().flow(detect("{}")).run();
        assertThat(Sim.path(r)).containsExactly("fax_detect→ON_FAX", "play→null");
        assertThat(Sim.events(r)).contains("fax_detect:fax", "play:media:fax");
    }

    @Test
    void withoutTheResultsChildItContinuesToTheDefault() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"fax_detect","data":{},"children":{"ON_FAX":{"module":"play","data":{"id":"fax"}},
                  "_":{"module":"play","data":{"id":"default"}}}}
                """).run();
        assertThat(Sim.path(r)).containsExactly("fax_detect→_", "play→null");
    }

    @Test
    void aCallerWhoHangsUpWhileListenedToEndsTheFlow() {
        SimulationResult r = Sim.in(docs).flow(detect("{}")).caller("[{\"wait_ms\":1000},{\"hangup\":true}]").run();
        assertThat(Sim.path(r)).containsExactly("fax_detect→null");
    }
}
