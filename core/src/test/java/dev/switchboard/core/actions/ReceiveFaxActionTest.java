package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class ReceiveFaxActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    ReceiveFaxActionTest() {
        docs.add("user", "ann", """
                {"first_name":"Ann","last_name":"Lee","email":"ann@example.com"}""");
    }

    @Test
    void theFaxIsKeptForItsOwnerAndMailedToThem() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"receive_fax","data":{"owner_id":"ann"}}""").keepWrites().run();

        Document fax = docs.ofType("fax").getFirst();
        assertThat(fax.body().path("owner_id").asString()).isEqualTo("ann");
        assertThat(docs.attachment(fax.id(), "fax")).isPresent();
        assertThat(Sim.events(r)).containsExactly("fax_receive:t38", "fax:1_pages", "fax:stored:" + fax.id(),
                "email:ann@example.com");
        assertThat(Sim.path(r)).containsExactly("receive_fax→null");
        assertThat(r.outcome().end()).isEqualTo("fax");
    }

    @Test
    void anOwnerWhoTurnedFaxMailOffIsNotMailedAndTheirFaxOptionApplies() {
        docs.add("user", "ann", """
                {"first_name":"Ann","email":"ann@example.com","fax_to_email_enabled":false,
                 "media":{"fax_option":"false"}}""");
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"receive_fax","data":{"owner_id":"ann"}}""").keepWrites().run();

        assertThat(Sim.events(r)).containsExactly("fax_receive:audio", "fax:1_pages",
                "fax:stored:" + docs.ofType("fax").getFirst().id());
    }

    @Test
    void aFaxWithoutAKnownOwnerIsStillKept() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"receive_fax","data":{"owner_id":"ghost","media":{"fax_option":true}}}""").keepWrites().run();

        Document fax = docs.ofType("fax").getFirst();
        assertThat(fax.body().has("owner_id")).isFalse();
        assertThat(Sim.events(r)).containsExactly("fax_receive:t38", "fax:1_pages", "fax:stored:" + fax.id());
    }
}
