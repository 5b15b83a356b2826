package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class LanguageActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    @Test
    void setsTheCallLanguageInLowerCaseAndContinues() {
        FlowRun.Result r = FlowRun.in(docs).flow("""
                {"module":"language","data":{"language":"fr-CA"},"children":{"_":{"module":"play","data":{"id":"m1"}}}}
                """).run();
        assertThat(r.events()).startsWith("language:fr-ca", "answer", "play:media:m1");
        assertThat(r.call().language()).isEqualTo("fr-ca");
        assertThat(r.state().variables()).containsEntry("default_language", "fr-ca");
    }

    @Test
    void somethingThatIsNotALanguageCodeChangesNothing() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"language","data":{"language":"french"},"children":{"_":{"module":"play","data":{"id":"m1"}}}}
                """).run();
        assertThat(Sim.events(r)).startsWith("language:invalid:french", "answer");
        assertThat(Sim.events(r)).doesNotContain("language:french");
        assertThat(Sim.path(r)).containsExactly("language→_", "play→null");
    }
}
