package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.doc.Json;
import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;
import tools.jackson.databind.node.ObjectNode;

class ManualPresenceActionTest {
    private final MemoryDocuments docs = new MemoryDocuments((ObjectNode) Json.parse(
            "{\"name\":\"acme\",\"realm\":\"acme.sip.example\"}"));

    @Test
    void publishesTheStateAndKeepsItForProbes() {
        SimulationResult r = LiveSim.in(docs).flow("""
                {"module":"manual_presence","data":{"presence_id":"night-mode","status":"busy"},
                 "children":{"_":{"module":"manual_presence","data":{"presence_id":"lobby@other.example","status":"ringing"}}}}
                """).run();
        assertThat(Sim.path(r)).containsExactly("manual_presence→_", "manual_presence→null");
        assertThat(Sim.events(r)).containsSubsequence("answer", "presence:night-mode@acme.sip.example:confirmed",
                "presence:lobby@other.example:early");
        assertThat(Json.write(docs.get("manual_presence").orElseThrow().body()))
                .isEqualTo("{\"night-mode@acme.sip.example\":\"confirmed\",\"lobby@other.example\":\"early\"}");
    }

    @Test
    void idleIsTheDefaultAndTheCaptureGroupTheDefaultId() {
        docs.add("callflow", "blf", """
                {"patterns":["^\\\\*8([0-9]+)$"],"flow":{"module":"manual_presence","data":{}}}
                """);
        SimulationResult r = Sim.in(docs).to("*8200").run();
        assertThat(Sim.events(r)).contains("presence:200@acme.sip.example:terminated");
    }

    @Test
    void withoutAnIdNothingIsPublished() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"manual_presence","data":{"status":"busy"},"children":{"_":{"module":"play","data":{"id":"next"}}}}
                """).run();
        assertThat(Sim.path(r)).containsExactly("manual_presence→_", "play→null");
        assertThat(Sim.events(r)).contains("presence:no_id").noneMatch(e -> e.startsWith("presence:") && e.endsWith("confirmed"));
    }
}
