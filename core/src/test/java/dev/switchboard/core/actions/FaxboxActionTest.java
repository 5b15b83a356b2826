package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class FaxboxActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    FaxboxActionTest() {
        docs.add("faxbox", "fb1", """
                {"name":"Office fax","media":{"fax_option":false},
                 "notifications":{"inbound":{"email":{"send_to":["office@example.com","boss@example.com"]}}}}""");
    }

    @Test
    void aFaxIsStoredWithItsPagesThenMailedToTheFaxbox() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"faxbox","data":{"id":"fb1"},"children":{"_":{"module":"sleep","data":{}}}}""")
                .to("+14155550000").keepWrites().run();

        Document fax = docs.ofType("fax").getFirst();
        assertThat(fax.body().path("faxbox_id").asString()).isEqualTo("fb1");
        assertThat(fax.body().path("folder").asString()).isEqualTo("inbox");
        assertThat(fax.body().path("from_number").asString()).isEqualTo("+15555550100");
        assertThat(fax.body().path("to_number").asString()).isEqualTo("+14155550000");
        assertThat(fax.body().path("pages").asInt()).isEqualTo(1);
        assertThat(docs.attachment(fax.id(), "fax")).hasValueSatisfying(a ->
                assertThat(a.contentType()).isEqualTo("image/tiff"));
        assertThat(Sim.events(r)).containsExactly("fax_receive:audio", "fax:1_pages", "fax:stored:" + fax.id(),
                "email:office@example.com,boss@example.com");
        assertThat(Sim.path(r)).containsExactly("faxbox→null");
        assertThat(r.outcome().end()).isEqualTo("fax");
    }

    @Test
    void theNodesFaxOptionWinsOverTheFaxboxAndTheLegacyKeyNamesTheBox() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"faxbox","data":{"faxbox_id":"fb1","media":{"fax_option":"auto"}}}""").run();

        assertThat(Sim.events(r)).startsWith("fax_receive:t38", "fax:1_pages");
    }

    @Test
    void aMissingFaxboxTakesNoFax() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"faxbox","data":{"id":"nofb"},"children":{"_":{"module":"sleep","data":{}}}}""")
                .keepWrites().run();

        assertThat(Sim.events(r)).containsExactly("faxbox_not_found:nofb", "hangup:NORMAL_CLEARING");
        assertThat(docs.ofType("fax")).isEmpty();
        assertThat(r.outcome().end()).isEqualTo("hangup");
    }

    @Test
    void aSenderWhoHangsUpMidFaxLeavesNothing() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"faxbox","data":{"id":"fb1"}}""").keepWrites().script(30000, "hangup").run();

        assertThat(docs.ofType("fax")).isEmpty();
        assertThat(Sim.events(r)).containsExactly("fax_receive:audio");
        assertThat(r.outcome().end()).isEqualTo("hangup");
    }
}
