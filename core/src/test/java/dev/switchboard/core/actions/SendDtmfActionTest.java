package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class SendDtmfActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    private SimulationResult send(String data) {
        return Sim.in(docs).flow("{\"module\":\"send_dtmf\",\"data\":" + data
                + ",\"children\":{\"_\":{\"module\":\"play\",\"data\":{\"id\":\"m1\"}}}}").run();
    }

    @Test
    void sendsEachKeyForItsDurationThenContinues() {
        SimulationResult r = send("{\"digits\":\"12#\",\"duration_ms\":500}");
        assertThat(Sim.path(r)).containsExactly("send_dtmf→_", "play→null");
        assertThat(Sim.events(r)).startsWith("send_dtmf:12#");
        assertThat(r.steps().get(1).tMs()).isEqualTo(1500);
    }

    @Test
    void keysLastTwoSecondsUnlessToldOtherwiseAndAStringDurationCounts() {
        assertThat(send("{\"digits\":\"9\"}").steps().get(1).tMs()).isEqualTo(2000);
        assertThat(send("{\"digits\":\"99\",\"duration_ms\":\"250\"}").steps().get(1).tMs()).isEqualTo(500);
        assertThat(send("{\"digits\":\"9\",\"duration_ms\":0}").steps().get(1).tMs()).isEqualTo(2000);
    }

    @Test
    void leavesOutWhatIsNotAKey() {
        SimulationResult r = send("{\"digits\":\"1-2 a*\",\"duration_ms\":100}");
        assertThat(Sim.events(r)).startsWith("send_dtmf:12A*");
    }

    @Test
    void withoutDigitsSendsNothing() {
        SimulationResult r = send("{\"digits\":\"\"}");
        assertThat(Sim.events(r)).startsWith("send_dtmf:no_digits", "answer");
        assertThat(Sim.path(r)).containsExactly("send_dtmf→_", "play→null");
        assertThat(r.steps().get(1).tMs()).isZero();
    }
}
