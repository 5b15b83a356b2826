package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class TransferActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    private SimulationResult transfer(String data) {
        return Sim.in(docs).flow("{\"module\":\"transfer\",\"data\":" + data
                + ",\"children\":{\"_\":{\"module\":\"play\",\"data\":{\"id\":\"never\"}}}}").run();
    }

    @Test
    void handsTheCallToTheTargetWithoutHangingUp() {
        SimulationResult r = transfer("{\"target\":\"2000\",\"transfer_type\":\"attended\"}");
        assertThat(Sim.events(r)).containsExactly("transfer:2000");
        assertThat(Sim.path(r)).containsExactly("transfer→null");
        assertThat(r.outcome().end()).isEqualTo("transferred");
    }

    @Test
    void withoutATargetTheFirstCaptureIsUsed() {
        assertThat(Sim.events(transfer("{\"captures\":[\"3000\",\"4000\"]}"))).containsExactly("transfer:3000");
    }

    @Test
    void withNothingToGoOnItTransfersToNoMatch() {
        assertThat(Sim.events(transfer("{}"))).containsExactly("transfer:no_match");
        assertThat(Sim.events(transfer("{\"target\":\"\",\"captures\":[]}"))).containsExactly("transfer:no_match");
    }
}
