package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class GroupPickupFeatureActionTest {
    private final MemoryDocuments docs = PickupFixture.office();

    @Test
    void anExtensionOfAUserPicksUpTheirRingingCall() {
        PickupFixture.featureCode(docs, "group_pickup_feature", """
                {"type":"extension"}""");
        SimulationResult r = Sim.in(docs).to("**1001").fromDevice("carolphone")
                .activeCall("c1", "ringing", "anndesk", "ann").run();

        assertThat(Sim.events(r)).containsExactly("answer", "connect:c1:bridge", "hangup:NORMAL_CLEARING");
        assertThat(Sim.path(r)).containsExactly("group_pickup_feature→null");
        assertThat(r.outcome().end()).isEqualTo("bridged");
    }

    @Test
    void theExtensionIsTheDefaultAndARingGroupMeansItsFirstEndpoint() {
        PickupFixture.featureCode(docs, "group_pickup_feature", """
                {"device_id":"carolphone"}""");
        SimulationResult r = Sim.in(docs).to("**1003").fromDevice("carolphone")
                .activeCall("c1", "ringing", "annphone", "ann").activeCall("c2", "ringing", "bobphone", "bob").run();

        assertThat(Sim.events(r)).contains("connect:c2:bridge");
    }

    @Test
    void aSipUserNamesADevice() {
        PickupFixture.featureCode(docs, "group_pickup_feature", """
                {"type":"device"}""");
        SimulationResult r = Sim.in(docs).to("**bob").fromDevice("carolphone")
                .activeCall("c2", "ringing", "bobphone", "bob").run();

        assertThat(Sim.events(r)).contains("connect:c2:bridge");
    }

    @Test
    void approvedKeysStillApply() {
        PickupFixture.featureCode(docs, "group_pickup_feature", """
                {"type":"extension","approved_group_id":"sales"}""");
        SimulationResult r = Sim.in(docs).to("**1002").fromDevice("carolphone")
                .activeCall("c2", "ringing", "bobphone", "bob").run();

        assertThat(Sim.events(r)).containsExactly("answer", "permission_denied",
                "play:tts:you have no permission to intercept this call", "hangup:NORMAL_CLEARING");
    }

    @Test
    void targetsThatCannotBeFoundAreReportedAsNoCaller() {
        PickupFixture.featureCode(docs, "group_pickup_feature", """
                {"type":"group"}""");
        SimulationResult byGroup = Sim.in(docs).to("**sales").fromDevice("carolphone").run();
        assertThat(Sim.events(byGroup)).containsExactly("answer", "play:prompt:park-no_caller",
                "hangup:NORMAL_CLEARING");

        docs.add("callflow", "everything", """
                {"numbers":["no_match"],"flow":{"module":"user","data":{"id":"ann"}}}""");
        PickupFixture.featureCode(docs, "group_pickup_feature", "{}");
        SimulationResult noMatch = Sim.in(docs).to("**4155550123").fromDevice("carolphone")
                .activeCall("c1", "ringing", "annphone", "ann").run();
        assertThat(Sim.events(noMatch)).contains("play:prompt:park-no_caller");
    }
}
