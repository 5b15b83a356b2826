package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class EavesdropFeatureActionTest {
    private final MemoryDocuments docs = PickupFixture.office();

    @Test
    void theExtensionsUserIsListenedToThroughAnEavesdropApprovedForTheCaller() {
        PickupFixture.featureCode(docs, "eavesdrop_feature", """
                {"approved_user_id":"carol"}""");
        SimulationResult r = Sim.in(docs).to("**1001").fromDevice("carolphone")
                .activeCall("c1", "answered", "annphone", "ann").run();

        assertThat(Sim.path(r)).containsExactly("eavesdrop_feature→null", "eavesdrop→null");
        assertThat(r.steps().get(1).path()).isEqualTo("eavesdrop_feature/flow");
        assertThat(Sim.events(r)).containsExactly("answer", "connect:c1:listen", "hangup:NORMAL_CLEARING");
    }

    @Test
    void theWalkPassesNodesThatRingNobodyToFindTheDevice() {
        PickupFixture.featureCode(docs, "eavesdrop_feature", """
                {"approved_device_id":"carolphone"}""");
        SimulationResult r = Sim.in(docs).to("**1002").fromDevice("carolphone")
                .activeCall("c2", "answered", "bobphone", "bob").run();

        assertThat(Sim.events(r)).contains("connect:c2:listen");
    }

    @Test
    void withAGroupTheTargetMustBeAMember() {
        PickupFixture.featureCode(docs, "eavesdrop_feature", """
                {"group_id":"sales","approved_device_id":"carolphone"}""");
        SimulationResult member = Sim.in(docs).to("**1002").fromDevice("carolphone")
                .activeCall("c2", "answered", "bobphone", "bob").run();
        assertThat(Sim.events(member)).contains("connect:c2:listen");

        docs.add("callflow", "ext1004", """
                {"numbers":["1004"],"flow":{"module":"device","data":{"id":"anndesk"}}}""");
        SimulationResult outsider = Sim.in(docs).to("**1004").fromDevice("carolphone")
                .activeCall("c3", "answered", "anndesk", "ann").run();
        assertThat(Sim.events(outsider)).containsExactly("answer", "permission_denied",
                "play:prompt:eavesdrop-no_channels", "hangup:NORMAL_CLEARING");
        assertThat(Sim.path(outsider)).containsExactly("eavesdrop_feature→null");
    }

    @Test
    void anUnapprovedCallerOrAnUnknownExtensionGetsNothing() {
        PickupFixture.featureCode(docs, "eavesdrop_feature", "{}");
        SimulationResult unapproved = Sim.in(docs).to("**1001").fromDevice("carolphone")
                .activeCall("c1", "answered", "annphone", "ann").run();
        assertThat(Sim.events(unapproved)).contains("permission_denied", "play:prompt:eavesdrop-no_channels");

        SimulationResult unknown = Sim.in(docs).to("**1009").fromDevice("carolphone").run();
        assertThat(Sim.events(unknown)).containsExactly("answer", "play:prompt:eavesdrop-no_channels",
                "hangup:NORMAL_CLEARING");
    }
}
