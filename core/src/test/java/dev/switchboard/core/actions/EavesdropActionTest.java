package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class EavesdropActionTest {
    private final MemoryDocuments docs = PickupFixture.office();

    private Sim eavesdrop(String data) {
        return Sim.in(docs).flow("""
                {"module":"eavesdrop","data":%s,"children":{"_":{"module":"sleep","data":{}}}}""".formatted(data))
                .fromDevice("carolphone");
    }

    @Test
    void anApprovedCallerListensToTheUsersAnsweredCall() {
        SimulationResult r = eavesdrop("""
                {"user_id":"ann","approved_device_id":"carolphone"}""")
                .activeCall("c1", "answered", "annphone", "ann").run();

        assertThat(Sim.events(r)).containsExactly("answer", "connect:c1:listen", "hangup:NORMAL_CLEARING");
        assertThat(Sim.path(r)).containsExactly("eavesdrop→null");
        assertThat(r.outcome().end()).isEqualTo("hangup");
    }

    @Test
    void theDeviceWinsOverTheUser() {
        SimulationResult r = eavesdrop("""
                {"device_id":"bobphone","user_id":"ann","approved_user_id":"carol"}""")
                .activeCall("c1", "answered", "annphone", "ann").activeCall("c2", "answered", "bobphone", "bob").run();

        assertThat(Sim.events(r)).contains("connect:c2:listen");
    }

    @Test
    void withoutAnApprovedKeyNobodyMayListen() {
        SimulationResult r = eavesdrop("""
                {"user_id":"ann"}""").activeCall("c1", "answered", "annphone", "ann").run();

        assertThat(Sim.events(r)).containsExactly("answer", "permission_denied", "play:prompt:eavesdrop-no_channels",
                "hangup:NORMAL_CLEARING");
    }

    @Test
    void aRingingCallCannotBeListenedTo() {
        SimulationResult r = eavesdrop("""
                {"user_id":"ann","approved_group_id":"sales"}""").fromDevice("bobphone")
                .activeCall("c1", "ringing", "annphone", "ann").run();

        assertThat(Sim.events(r)).containsExactly("answer", "play:prompt:pickup-no_channels",
                "hangup:NORMAL_CLEARING");
    }

    @Test
    void withoutATargetThereIsNobodyToListenTo() {
        SimulationResult r = eavesdrop("""
                {"approved_device_id":"carolphone"}""").run();

        assertThat(Sim.events(r)).containsExactly("answer", "play:prompt:pickup-no_users", "hangup:NORMAL_CLEARING");
    }
}
