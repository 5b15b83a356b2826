package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class InterceptFeatureActionTest {
    private final MemoryDocuments docs = PickupFixture.office();

    @Test
    void aUserInterceptsACallOfTheirOwnExtension() {
        PickupFixture.featureCode(docs, "intercept_feature", """
                {"type":"extension"}""");
        SimulationResult r = Sim.in(docs).to("**1001").fromDevice("anndesk")
                .activeCall("c1", "answered", "annphone", "ann").run();

        assertThat(Sim.events(r)).containsExactly("answer", "connect:c1:bridge", "hangup:NORMAL_CLEARING");
        assertThat(Sim.path(r)).containsExactly("intercept_feature→null");
        assertThat(r.outcome().end()).isEqualTo("bridged");
    }

    @Test
    void someoneElsesExtensionNeedsAnApprovedKey() {
        PickupFixture.featureCode(docs, "intercept_feature", "{}");
        SimulationResult refused = Sim.in(docs).to("**1001").fromDevice("carolphone")
                .activeCall("c1", "answered", "annphone", "ann").run();
        assertThat(Sim.events(refused)).containsExactly("answer", "permission_denied",
                "play:prompt:intercept-no_channels", "hangup:NORMAL_CLEARING");

        PickupFixture.featureCode(docs, "intercept_feature", """
                {"approved_user_id":"carol"}""");
        SimulationResult approved = Sim.in(docs).to("**1001").fromDevice("carolphone")
                .activeCall("c1", "answered", "annphone", "ann").run();
        assertThat(Sim.events(approved)).contains("connect:c1:bridge");
    }

    @Test
    void aDeviceIsNamedByItsSipUser() {
        PickupFixture.featureCode(docs, "intercept_feature", """
                {"type":"device","approved_group_id":"sales"}""");
        SimulationResult r = Sim.in(docs).to("**BOB").fromDevice("annphone")
                .activeCall("c2", "ringing", "bobphone", "bob").run();

        assertThat(Sim.events(r)).contains("connect:c2:bridge");
    }

    @Test
    void aTargetThatCannotBeFoundIsReportedAsNoCaller() {
        PickupFixture.featureCode(docs, "intercept_feature", """
                {"type":"user"}""");
        SimulationResult byUser = Sim.in(docs).to("**ann").fromDevice("anndesk").run();
        assertThat(Sim.events(byUser)).containsExactly("answer", "play:prompt:park-no_caller",
                "hangup:NORMAL_CLEARING");

        PickupFixture.featureCode(docs, "intercept_feature", """
                {"type":"extension"}""");
        SimulationResult unknown = Sim.in(docs).to("**1009").fromDevice("anndesk").run();
        assertThat(Sim.events(unknown)).containsExactly("answer", "play:prompt:park-no_caller",
                "hangup:NORMAL_CLEARING");
    }
}
