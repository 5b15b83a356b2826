package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class InterceptActionTest {
    private final MemoryDocuments docs = PickupFixture.office();

    private Sim intercept(String data, String fromDevice) {
        return Sim.in(docs).flow("""
                {"module":"intercept","data":%s,"children":{"_":{"module":"sleep","data":{}}}}""".formatted(data))
                .fromDevice(fromDevice);
    }

    @Test
    void aUserTakesOverTheirOwnAnsweredCallFromAnotherPhone() {
        SimulationResult r = intercept("""
                {"user_id":"ann"}""", "anndesk").activeCall("c1", "answered", "annphone", "ann").run();

        assertThat(Sim.events(r)).containsExactly("answer", "connect:c1:bridge", "hangup:NORMAL_CLEARING");
        assertThat(Sim.path(r)).containsExactly("intercept→null");
        assertThat(r.outcome().end()).isEqualTo("bridged");
    }

    @Test
    void withoutAnApprovedKeySomeoneElsesCallIsRefused() {
        SimulationResult r = intercept("""
                {"device_id":"annphone"}""", "carolphone").activeCall("c1", "ringing", "annphone", "ann").run();

        assertThat(Sim.events(r)).containsExactly("answer", "permission_denied", "play:prompt:intercept-no_channels",
                "hangup:NORMAL_CLEARING");
    }

    @Test
    void theOwnerOfTheTargetDeviceMayIntercept() {
        SimulationResult r = intercept("""
                {"device_id":"annphone"}""", "anndesk").activeCall("c1", "ringing", "annphone", "ann").run();

        assertThat(Sim.events(r)).contains("connect:c1:bridge");
    }

    @Test
    void aGroupMemberMayInterceptTheGroupsCalls() {
        SimulationResult member = intercept("""
                {"group_id":"sales"}""", "bobphone").activeCall("c1", "answered", "annphone", "ann").run();
        assertThat(Sim.events(member)).contains("connect:c1:bridge");

        SimulationResult outsider = intercept("""
                {"group_id":"sales"}""", "carolphone").activeCall("c1", "answered", "annphone", "ann").run();
        assertThat(Sim.events(outsider)).contains("permission_denied");
    }

    @Test
    void anApprovedKeyDecidesAlone() {
        SimulationResult approved = intercept("""
                {"user_id":"ann","approved_group_id":"sales"}""", "bobphone")
                .activeCall("c1", "answered", "annphone", "ann").run();
        assertThat(Sim.events(approved)).contains("connect:c1:bridge");

        SimulationResult notApproved = intercept("""
                {"user_id":"ann","approved_device_id":"bobphone"}""", "anndesk")
                .activeCall("c1", "answered", "annphone", "ann").run();
        assertThat(Sim.events(notApproved)).contains("permission_denied");
    }

    @Test
    void noPhonesOrNoCallsAreSaidSo() {
        SimulationResult noUsers = intercept("""
                {"approved_device_id":"carolphone"}""", "carolphone").run();
        assertThat(Sim.events(noUsers)).containsExactly("answer", "play:prompt:intercept-no_users",
                "hangup:NORMAL_CLEARING");

        SimulationResult noCalls = intercept("""
                {"user_id":"ann"}""", "anndesk").activeCall("c2", "answered", "bobphone", "bob").run();
        assertThat(Sim.events(noCalls)).containsExactly("answer", "play:prompt:intercept-no_channels",
                "hangup:NORMAL_CLEARING");
    }
}
