package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class GroupPickupActionTest {
    private final MemoryDocuments docs = PickupFixture.office();

    private Sim pickup(String data) {
        return Sim.in(docs).flow("""
                {"module":"group_pickup","data":%s,"children":{"_":{"module":"sleep","data":{}}}}""".formatted(data))
                .fromDevice("carolphone");
    }

    @Test
    void aCallRingingOnOneOfTheUsersPhonesIsPickedUp() {
        SimulationResult r = pickup("""
                {"user_id":"ann"}""").activeCall("c9", "answered", "bobphone", "bob")
                .activeCall("c1", "ringing", "anndesk", "ann").run();

        assertThat(Sim.events(r)).containsExactly("answer", "connect:c1:bridge", "hangup:NORMAL_CLEARING");
        assertThat(Sim.path(r)).containsExactly("group_pickup→null");
        assertThat(r.outcome().end()).isEqualTo("bridged");
    }

    @Test
    void anAnsweredCallIsNotPickedUp() {
        SimulationResult r = pickup("""
                {"device_id":"annphone"}""").activeCall("c1", "answered", "annphone", "ann").run();

        assertThat(Sim.events(r)).containsExactly("answer", "play:prompt:pickup-no_channels",
                "hangup:NORMAL_CLEARING");
        assertThat(r.outcome().end()).isEqualTo("hangup");
    }

    @Test
    void aGroupCoversItsDevicesAndItsUsersPhones() {
        SimulationResult device = pickup("""
                {"group_id":"sales"}""").activeCall("c2", "ringing", "bobphone", "bob").run();
        assertThat(Sim.events(device)).contains("connect:c2:bridge");

        SimulationResult user = pickup("""
                {"group_id":"sales"}""").activeCall("c3", "ringing", "annphone", "ann").run();
        assertThat(Sim.events(user)).contains("connect:c3:bridge");

        SimulationResult outside = pickup("""
                {"group_id":"sales"}""").activeCall("c4", "ringing", "carolphone", "carol").run();
        assertThat(Sim.events(outside)).contains("play:prompt:pickup-no_channels");
    }

    @Test
    void nothingToPickUpFromWhenTheScopeHasNoPhones() {
        SimulationResult none = pickup("{}").run();
        assertThat(Sim.events(none)).containsExactly("answer", "play:prompt:pickup-no_users", "hangup:NORMAL_CLEARING");

        SimulationResult unknown = pickup("""
                {"device_id":"gone"}""").run();
        assertThat(Sim.events(unknown)).contains("play:prompt:pickup-no_users");
    }

    @Test
    void anApprovedKeyDecidesWhoMayPickUp() {
        SimulationResult denied = pickup("""
                {"user_id":"ann","approved_device_id":"bobphone"}""").activeCall("c1", "ringing", "annphone", "ann")
                .run();
        assertThat(Sim.events(denied)).containsExactly("answer", "permission_denied",
                "play:tts:you have no permission to intercept this call", "hangup:NORMAL_CLEARING");

        SimulationResult byUser = pickup("""
                {"user_id":"ann","approved_user_id":"carol"}""").activeCall("c1", "ringing", "annphone", "ann").run();
        assertThat(Sim.events(byUser)).contains("connect:c1:bridge");

        SimulationResult byGroup = pickup("""
                {"user_id":"ann","approved_group_id":"sales"}""").activeCall("c1", "ringing", "annphone", "ann").run();
        assertThat(Sim.events(byGroup)).contains("permission_denied");

        SimulationResult memberByOwner = Sim.in(docs).flow("""
                {"module":"group_pickup","data":{"user_id":"ann","approved_group_id":"sales"}}""")
                .fromDevice("anndesk").activeCall("c1", "ringing", "annphone", "ann").run();
        assertThat(Sim.events(memberByOwner)).contains("connect:c1:bridge");
    }

    @Test
    void aHotDeskedUsersPhoneIsTheirsNotTheOwners() {
        docs.add("device", "hotdesk", """
                {"name":"Hot desk","owner_id":"bob","hotdesk":{"users":{"ann":{}}}}""");
        SimulationResult ann = pickup("""
                {"user_id":"ann"}""").activeCall("c1", "ringing", "hotdesk", null).run();
        assertThat(Sim.events(ann)).contains("connect:c1:bridge");

        SimulationResult bob = pickup("""
                {"user_id":"bob"}""").activeCall("c1", "ringing", "hotdesk", null).run();
        assertThat(Sim.events(bob)).contains("play:prompt:pickup-no_channels");
    }
}
