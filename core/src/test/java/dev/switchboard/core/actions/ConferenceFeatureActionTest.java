package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class ConferenceFeatureActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    ConferenceFeatureActionTest() {
        docs.add("conference", "7000", """
                {"name":"Board","moderator":{"pins":["4321"]}}""");
        docs.add("callflow", "confcode", """
                {"patterns":["^\\\\*8(\\\\d+)$"],"flow":{"module":"conference_feature","data":{"id":"ignored"}}}""");
    }

    @Test
    void theCaptureGroupNamesTheConference() {
        SimulationResult r = Sim.in(docs).to("*87000").script(2500, "4321#").run();

        assertThat(r.callflowId()).isEqualTo("confcode");
        assertThat(Sim.events(r)).containsExactly("answer", "play:prompt:conf-welcome",
                "play:prompt:conf-enter_conf_pin", "collect:4321", "conference_join:moderator", "conference:7000");
        assertThat(Sim.path(r)).containsExactly("conference_feature→null");
        assertThat(r.outcome().end()).isEqualTo("conference");
    }

    @Test
    void withoutACaptureGroupTheCallerIsAskedForTheNumber() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"conference_feature","data":{}}""").script(2500, "1#").run();

        assertThat(Sim.events(r)).containsSubsequence("play:prompt:conf-enter_conf_number", "collect:1",
                "play:prompt:conf-bad_conf");
    }
}
