package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class BranchBnumberActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    private void featureCode(String data, String children) {
        docs.add("callflow", "feature", """
                {"patterns":["^\\\\*55(.+)$"],"flow":{"module":"branch_bnumber","data":%s,"children":%s}}
                """.formatted(data, children));
    }

    @Test
    void continuesToTheChildNamedAfterTheCaptureGroup() {
        featureCode("{}", "{\"1001\":{\"module\":\"play\",\"data\":{\"id\":\"one\"}},\"_\":{\"module\":\"play\",\"data\":{\"id\":\"other\"}}}");
        SimulationResult r = Sim.in(docs).to("*551001").run();
        assertThat(Sim.path(r)).containsExactly("branch_bnumber→1001", "play→null");
        assertThat(Sim.events(r)).contains("play:media:one");
    }

    @Test
    void aCaptureGroupWithoutItsChildGoesToTheDefault() {
        featureCode("{}", "{\"1001\":{\"module\":\"play\",\"data\":{\"id\":\"one\"}},\"_\":{\"module\":\"play\",\"data\":{\"id\":\"other\"}}}");
        SimulationResult r = Sim.in(docs).to("*551002").run();
        assertThat(Sim.path(r)).containsExactly("branch_bnumber→_", "play→null");
    }

    @Test
    void theCaptureGroupIsComparedInE164() {
        featureCode("{}", "{\"+14158867900\":{\"module\":\"play\",\"data\":{\"id\":\"did\"}}}");
        SimulationResult r = Sim.in(docs).to("*554158867900").run();
        assertThat(Sim.path(r)).containsExactly("branch_bnumber→+14158867900", "play→null");
    }

    @Test
    void withoutACaptureGroupItContinues() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"branch_bnumber","data":{"hunt":true},"children":{"_":{"module":"play","data":{"id":"other"}}}}
                """).run();
        assertThat(Sim.path(r)).containsExactly("branch_bnumber→_", "play→null");
    }

    @Test
    void huntBranchesToTheCallflowTheCaptureGroupRoutesTo() {
        featureCode("{\"hunt\":true}", "{\"_\":{\"module\":\"play\",\"data\":{\"id\":\"after\"}}}");
        docs.add("callflow", "ext1001", "{\"numbers\":[\"1001\"],\"flow\":{\"module\":\"play\",\"data\":{\"id\":\"ext\"}}}");
        SimulationResult r = Sim.in(docs).to("*551001").run();
        assertThat(Sim.path(r)).containsExactly("branch_bnumber→null", "play→null", "play→null");
        assertThat(r.steps().get(1).path()).isEqualTo("callflow:ext1001/flow");
        assertThat(Sim.events(r)).containsSubsequence("hunt:ext1001", "play:media:ext", "play:media:after");
    }

    @Test
    void aHuntedPatternGivesTheCallItsOwnCaptureGroup() {
        featureCode("{\"hunt\":true}", "{}");
        docs.add("callflow", "inner", """
                {"patterns":["^\\\\*66(\\\\d+)$"],"flow":{"module":"branch_bnumber","data":{},"children":{
                 "1234":{"module":"play","data":{"id":"inner"}}}}}
                """);
        SimulationResult r = Sim.in(docs).to("*55*661234").run();
        assertThat(Sim.path(r)).containsExactly("branch_bnumber→null", "branch_bnumber→1234", "play→null");
    }

    @Test
    void huntDenyRefusesMatchingNumbers() {
        featureCode("{\"hunt\":true,\"hunt_deny\":\"^9\"}", "{\"_\":{\"module\":\"play\",\"data\":{\"id\":\"denied\"}}}");
        docs.add("callflow", "ext", "{\"numbers\":[\"9001\"],\"flow\":{\"module\":\"play\",\"data\":{\"id\":\"ext\"}}}");
        SimulationResult r = Sim.in(docs).to("*559001").run();
        assertThat(Sim.path(r)).containsExactly("branch_bnumber→_", "play→null");
        assertThat(Sim.events(r)).contains("hunt:denied:9001", "play:media:denied");
    }

    @Test
    void huntAllowOnlyLetsMatchingNumbersThroughAndAnInvalidOneNone() {
        docs.add("callflow", "ext", "{\"numbers\":[\"1001\"],\"flow\":{\"module\":\"play\",\"data\":{\"id\":\"ext\"}}}");
        featureCode("{\"hunt\":true,\"hunt_allow\":\"^1\"}", "{}");
        assertThat(Sim.events(Sim.in(docs).to("*551001").run())).contains("hunt:ext");
        featureCode("{\"hunt\":true,\"hunt_allow\":\"^2\"}", "{}");
        assertThat(Sim.events(Sim.in(docs).to("*551001").run())).contains("hunt:denied:1001");
        featureCode("{\"hunt\":true,\"hunt_allow\":\"([\"}", "{}");
        assertThat(Sim.events(Sim.in(docs).to("*551001").run())).contains("hunt:denied:1001");
    }

    @Test
    void anInvalidHuntDenyIsIgnored() {
        docs.add("callflow", "ext", "{\"numbers\":[\"1001\"],\"flow\":{\"module\":\"play\",\"data\":{\"id\":\"ext\"}}}");
        featureCode("{\"hunt\":true,\"hunt_deny\":\"([\"}", "{}");
        assertThat(Sim.events(Sim.in(docs).to("*551001").run())).contains("hunt:ext");
    }

    @Test
    void aNumberThatRoutesNowhereContinues() {
        featureCode("{\"hunt\":true}", "{\"_\":{\"module\":\"play\",\"data\":{\"id\":\"nowhere\"}}}");
        SimulationResult r = Sim.in(docs).to("*551001").run();
        assertThat(Sim.path(r)).containsExactly("branch_bnumber→_", "play→null");
        assertThat(Sim.events(r)).contains("hunt:not_found:1001");
    }

    @Test
    void onlyCallsThatMayUseItReachNoMatch() {
        featureCode("{\"hunt\":true}", "{\"_\":{\"module\":\"play\",\"data\":{\"id\":\"refused\"}}}");
        docs.add("callflow", "outbound", "{\"numbers\":[\"no_match\"],\"flow\":{\"module\":\"play\",\"data\":{\"id\":\"dial-out\"}}}");
        assertThat(Sim.events(Sim.in(docs).to("*554158867900").run())).contains("hunt:outbound", "play:media:dial-out");
        SimulationResult fromCarrier = Sim.in(docs).to("*554158867900").fromCarrier().run();
        assertThat(Sim.events(fromCarrier)).contains("hunt:not_found:+14158867900", "play:media:refused")
                .doesNotContain("play:media:dial-out");
    }
}
