package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class SetActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    @Test
    void deepMergesIntoTheAgentSkillsAndContinues() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"set","data":{"skills":{"english":1},"vip":false},"children":{"_":
                 {"module":"set","data":{"skills":{"french":2},"vip":true,"skip_module":false}}}}
                """).run();
        assertThat(Sim.path(r)).containsExactly("set→_", "set→null");
        assertThat(Sim.events(r)).containsExactly(
                "agent_skills:{\"skills\":{\"english\":1},\"vip\":false}",
                "agent_skills:{\"skills\":{\"english\":1,\"french\":2},\"vip\":true}",
                "hangup:NORMAL_CLEARING");
    }
}
