package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.core.engine.ActiveCalls;
import dev.switchboard.core.engine.ActiveCalls.LiveCall;
import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class CampingFeatureActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    @BeforeEach
    void extensions() {
        docs.add("callflow", "camp", """
                {"patterns":["^\\\\*7([0-9]+)$"],"flow":{"module":"camping_feature","data":{"timeout":2}}}
                """);
        docs.add("user", "u1", "{\"first_name\":\"Ann\",\"last_name\":\"Lee\"}");
        docs.add("device", "ann-desk", "{\"name\":\"desk\",\"owner_id\":\"u1\"}");
        docs.add("device", "caller", "{\"name\":\"caller\"}");
        docs.add("callflow", "ext401", "{\"numbers\":[\"401\"],\"flow\":{\"module\":\"user\",\"data\":{\"id\":\"u1\"}}}");
    }

    /** Ann's desk is on a call for the first {@code checks} looks. */
    private static ActiveCalls busyFor(int checks) {
        AtomicInteger looks = new AtomicInteger();
        return accountId -> looks.getAndIncrement() < checks
                ? List.of(new LiveCall("c-ann", "answered", "ann-desk", "u1")) : List.of();
    }

    @Test
    void aFreeExtensionIsSimplyCalled() {
        SimulationResult r = LiveSim.in(docs).to("*7401").fromDevice("caller").run();
        assertThat(Sim.path(r).getFirst()).isEqualTo("camping_feature→null");
        assertThat(r.steps().get(1).module()).isEqualTo("user");
        assertThat(r.steps().get(1).path()).isEqualTo("camping/flow");
    }

    @Test
    void aBusyExtensionIsCalledAsSoonAsItIsFree() {
        SimulationResult r = LiveSim.in(docs).to("*7401").fromDevice("caller").liveCalls(busyFor(3)).run();
        assertThat(Sim.events(r)).containsSubsequence("camp:busy:u1", "play:prompt:camper-queue", "hold:default",
                "hold_end:timed_out", "hold:default", "hold_end:timed_out", "camp:free:u1");
        assertThat(r.steps().get(1).module()).isEqualTo("user");
        assertThat(r.steps().get(1).tMs()).isEqualTo(2000 + 3 * CampingFeatureAction.CHECK_SECONDS * 1000);
    }

    @Test
    void theWaitEndsAfterTheTimeout() {
        SimulationResult r = LiveSim.in(docs).to("*7401").fromDevice("caller").liveCalls(busyFor(1000)).run();
        assertThat(Sim.path(r)).containsExactly("camping_feature→null");
        assertThat(Sim.events(r)).contains("camp:expired");
        assertThat(Sim.events(r).stream().filter(e -> e.equals("hold:default")).count()).isEqualTo(12);
    }

    @Test
    void aCallerWhoHangsUpWhileWaitingEndsIt() {
        SimulationResult r = LiveSim.in(docs).to("*7401").fromDevice("caller").liveCalls(busyFor(1000))
                .caller("[{\"wait_ms\":15000},{\"hangup\":true}]").run();
        assertThat(Sim.path(r)).containsExactly("camping_feature→null");
        assertThat(Sim.events(r)).contains("hold_end:hung_up").doesNotContain("camp:expired");
    }

    @Test
    void onlyAUserOrDeviceExtensionCalledFromADeviceCanBeCampedOn() {
        docs.add("callflow", "ivr", "{\"numbers\":[\"500\"],\"flow\":{\"module\":\"play\",\"data\":{\"id\":\"menu\"}}}");
        for (SimulationResult r : List.of(LiveSim.in(docs).to("*7500").fromDevice("caller").run(),
                LiveSim.in(docs).to("*7999").fromDevice("caller").run(),
                LiveSim.in(docs).to("*7401").fromCarrier().run())) {
            assertThat(Sim.path(r)).containsExactly("camping_feature→null");
            assertThat(Sim.events(r)).contains("camp:denied", "play:prompt:camper-deny");
        }
    }
}
