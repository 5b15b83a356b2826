package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class ConferenceActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    ConferenceActionTest() {
        docs.add("conference", "sales", """
                {"name":"Sales","conference_numbers":["500"],
                 "member":{"pins":["1111"],"numbers":["502"]},
                 "moderator":{"pins":["4321"],"numbers":["501"]}}""");
        docs.add("conference", "open", """
                {"name":"Open","member":{"join_muted":false},"moderator":{}}""");
    }

    @Test
    void aConferenceWithoutPinsTakesTheCallerInAsAMember() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"conference","data":{"id":"open"},"children":{"_":{"module":"sleep","data":{}}}}""").run();

        assertThat(Sim.events(r)).containsExactly("answer", "play:prompt:conf-welcome", "conference_join:member",
                "conference:open");
        assertThat(Sim.path(r)).containsExactly("conference→null");
        assertThat(r.outcome().end()).isEqualTo("conference");
    }

    @Test
    void membersJoinMutedUnlessTheConferenceSaysOtherwise() {
        docs.add("conference", "plain", """
                {"name":"Plain"}""");
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"conference","data":{"id":"plain"}}""").run();

        assertThat(Sim.events(r)).contains("conference_join:member:muted", "conference:plain");
    }

    @Test
    void aModeratorNodeAsksForAModeratorPinAndRefusesAMembersOne() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"conference","data":{"id":"sales","moderator":true}}""")
                .script(2500, "1111#", 2500, "4321#").run();

        assertThat(Sim.events(r)).containsExactly("answer", "play:prompt:conf-welcome",
                "play:prompt:conf-enter_conf_pin", "collect:1111", "play:prompt:conf-bad_pin",
                "play:prompt:conf-enter_conf_pin", "collect:4321", "conference_join:moderator", "conference:sales");
    }

    @Test
    void withoutARoleThePinTellsMemberFromModerator() {
        SimulationResult member = Sim.in(docs).flow("""
                {"module":"conference","data":{"id":"sales"}}""").script(2500, "1111#").run();
        assertThat(Sim.events(member)).contains("conference_join:member:muted");

        SimulationResult moderator = Sim.in(docs).flow("""
                {"module":"conference","data":{"id":"sales"}}""").script(2500, "4321#").run();
        assertThat(Sim.events(moderator)).contains("conference_join:moderator");
    }

    @Test
    void threeWrongPinsEndTheCall() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"conference","data":{"id":"sales","moderator":false}}""")
                .script(2500, "9#", 2500, "8#").run();

        assertThat(Sim.events(r)).containsExactly("answer", "play:prompt:conf-welcome",
                "play:prompt:conf-enter_conf_pin", "collect:9", "play:prompt:conf-bad_pin",
                "play:prompt:conf-enter_conf_pin", "collect:8", "play:prompt:conf-bad_pin",
                "play:prompt:conf-enter_conf_pin", "collect:", "play:prompt:conf-bad_pin",
                "play:prompt:conf-too_many_attempts", "hangup:NORMAL_CLEARING");
        assertThat(r.outcome().end()).isEqualTo("hangup");
    }

    @Test
    void withoutAnIdTheCallerEntersTheConferenceNumberAndAModeratorNumberMakesAModerator() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"conference","data":{}}""").script(2500, "501#", 2500, "4321#").run();

        assertThat(Sim.events(r)).containsExactly("answer", "play:prompt:conf-welcome",
                "play:prompt:conf-enter_conf_number", "collect:501", "play:prompt:conf-enter_conf_pin",
                "collect:4321", "conference_join:moderator", "conference:sales");
    }

    @Test
    void aMemberNumberAsksForAMemberPin() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"conference","data":{}}""").script(2500, "502#", 2500, "4321#", 2500, "1111#").run();

        assertThat(Sim.events(r)).containsSubsequence("collect:502", "collect:4321", "play:prompt:conf-bad_pin",
                "collect:1111", "conference_join:member:muted", "conference:sales");
    }

    @Test
    void threeUnknownConferenceNumbersEndTheCall() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"conference","data":{}}""").script(2500, "9#", 2500, "8#", 2500, "7#").run();

        assertThat(Sim.events(r)).containsExactly("answer", "play:prompt:conf-welcome",
                "play:prompt:conf-enter_conf_number", "collect:9", "play:prompt:conf-bad_conf",
                "play:prompt:conf-enter_conf_number", "collect:8", "play:prompt:conf-bad_conf",
                "play:prompt:conf-enter_conf_number", "collect:7", "play:prompt:conf-bad_conf",
                "play:prompt:conf-too_many_attempts", "hangup:NORMAL_CLEARING");
    }

    @Test
    void theWelcomeCanBeTurnedOffOrReplaced() {
        SimulationResult none = Sim.in(docs).flow("""
                {"module":"conference","data":{"id":"open","welcome_prompt":{"play":false}}}""").run();
        assertThat(Sim.events(none)).containsExactly("answer", "conference_join:member", "conference:open");

        SimulationResult custom = Sim.in(docs).flow("""
                {"module":"conference","data":{"id":"open","welcome_prompt":{"media_id":"hello"}}}""").run();
        assertThat(Sim.events(custom)).startsWith("answer", "play:media:hello");

        docs.add("conference", "quiet", """
                {"name":"Quiet","play_welcome":false,"play_entry_tone":false}""");
        SimulationResult quiet = Sim.in(docs).flow("""
                {"module":"conference","data":{"id":"quiet"}}""").run();
        assertThat(Sim.events(quiet)).containsExactly("answer", "conference_join:member:muted:no_entry_tone",
                "conference:quiet");
    }

    @Test
    void anAdHocConferenceUsesItsConfiguration() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"conference","data":{"config":{"name":"standup","member":{"pins":["9"],"join_deaf":true}},
                 "play_entry_tone":"tone_stream://%(200,0,500)"}}""").script(2500, "9#").run();

        assertThat(Sim.events(r)).containsExactly("answer", "play:prompt:conf-welcome",
                "play:prompt:conf-enter_conf_pin", "collect:9", "conference_join:member:muted:deaf",
                "conference:standup");
    }

    @Test
    void aRoomWithoutADocumentIsJoinedByItsName() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"conference","data":{"id":"lobby"}}""").run();

        assertThat(Sim.events(r)).containsExactly("answer", "play:prompt:conf-welcome",
                "conference_join:member:muted", "conference:lobby");
    }

    @Test
    void aCallerWhoHangsUpInTheRoomEndedInTheConference() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"conference","data":{"id":"open"}}""").script(10000, "hangup").run();

        assertThat(r.outcome().end()).isEqualTo("conference");
        assertThat(Sim.events(r)).endsWith("conference:open");
    }
}
