package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.core.engine.ActiveCalls.LiveCall;
import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class MoveActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();
    private static final String FLOW = "{\"module\":\"move\",\"data\":{},\"children\":{\"_\":{\"module\":\"play\",\"data\":{\"id\":\"never\"}}}}";

    @BeforeEach
    void phones() {
        docs.add("user", "u1", "{\"first_name\":\"Ann\",\"last_name\":\"Lee\"}");
        docs.add("device", "desk", "{\"name\":\"desk\",\"owner_id\":\"u1\"}");
        docs.add("device", "mobile", "{\"name\":\"mobile\",\"owner_id\":\"u1\"}");
    }

    private SimulationResult moveWith(List<LiveCall> live) {
        return LiveSim.in(docs).fromDevice("desk").liveCalls(accountId -> live).flow(FLOW).run();
    }

    @Test
    void takesOverTheOneCallOnAnotherOfTheUsersPhones() {
        SimulationResult r = moveWith(List.of(new LiveCall("call-under-test", "answered", "desk", "u1"),
                new LiveCall("c-mobile", "answered", "mobile", null),
                new LiveCall("c-other", "answered", "someone-else", "u2")));
        assertThat(Sim.path(r)).containsExactly("move→null");
        assertThat(Sim.events(r)).containsSubsequence("answer", "connect:c-mobile:bridge");
        assertThat(r.outcome().end()).isEqualTo("bridged");
        assertThat(r.outcome().answeredBy()).isEqualTo("desk");
    }

    @Test
    void withNoCallTheCallerHearsSo() {
        SimulationResult r = moveWith(List.of(new LiveCall("c-other", "answered", "someone-else", "u2")));
        assertThat(Sim.path(r)).containsExactly("move→null");
        assertThat(Sim.events(r)).contains("play:prompt:cf-move-no_channel");
        assertThat(r.outcome().end()).isEqualTo("hangup");
    }

    @Test
    void withSeveralCallsTheCallerHearsSo() {
        SimulationResult r = moveWith(List.of(new LiveCall("c1", "answered", "mobile", "u1"),
                new LiveCall("c2", "ringing", null, "u1")));
        assertThat(Sim.events(r)).contains("play:prompt:cf-move-too_many_channels").noneMatch(e -> e.startsWith("connect:"));
    }

    @Test
    void aCallerWithoutAUserHasNothingToMove() {
        SimulationResult r = Sim.in(docs).fromCarrier().flow(FLOW).run();
        assertThat(Sim.path(r)).containsExactly("move→null");
        assertThat(Sim.events(r)).contains("play:prompt:cf-move-no_owner");
    }
}
