package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class EdrActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    @Test
    void recordsTheNodesDataAndContinues() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"edr","data":{"campaign":"spring","score":3,"skip_module":false},
                 "children":{"_":{"module":"play","data":{"id":"after"}}}}
                """).run();
        assertThat(Sim.path(r)).containsExactly("edr→_", "play→null");
        assertThat(Sim.events(r)).containsSubsequence("edr:{\"campaign\":\"spring\",\"score\":3}", "play:media:after");
    }
}
