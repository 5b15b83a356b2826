package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class CallWaitingActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    private static String node(String data) {
        return "{\"module\":\"call_waiting\",\"data\":" + data + ",\"children\":{\"_\":{\"module\":\"play\",\"data\":{\"id\":\"next\"}}}}";
    }

    private Document doc(String id) {
        return docs.get(id).orElseThrow();
    }

    @Test
    void toggleTurnsTheDevicesCallWaitingOffWhenItIsOnByDefault() {
        docs.add("device", "d1", "{\"name\":\"desk\"}");
        SimulationResult r = LiveSim.in(docs).fromDevice("d1").flow(node("{}")).run();
        assertThat(Sim.path(r)).containsExactly("call_waiting→_", "play→null");
        assertThat(Sim.events(r)).containsSubsequence("answer", "call_waiting:disabled", "play:prompt:cw-deactivated");
        assertThat(doc("d1").body().path("call_waiting").path("enabled").asBoolean()).isFalse();
        assertThat(doc("d1").body().path("name").asString()).isEqualTo("desk");
    }

    @Test
    void toggleTwiceTurnsItBackOn() {
        docs.add("device", "d1", "{\"name\":\"desk\",\"call_waiting\":{\"enabled\":false}}");
        SimulationResult r = Sim.in(docs).fromDevice("d1").flow("""
                {"module":"call_waiting","data":{"action":"toggle"},"children":{"_":{"module":"call_waiting","data":{}}}}
                """).run();
        assertThat(Sim.events(r)).containsSubsequence("play:prompt:cw-activated", "play:prompt:cw-deactivated");
    }

    @Test
    void activatingWhatIsAlreadyOnSavesNothing() {
        docs.add("device", "d1", "{\"name\":\"desk\",\"call_waiting\":{\"enabled\":true}}");
        String before = doc("d1").rev();
        SimulationResult r = LiveSim.in(docs).fromDevice("d1").flow(node("{\"action\":\"activate\"}")).run();
        assertThat(Sim.events(r)).contains("play:prompt:cw-activated");
        assertThat(doc("d1").rev()).isEqualTo(before);
    }

    @Test
    void userScopeChangesTheCallersUser() {
        docs.add("user", "u1", "{\"first_name\":\"Ann\",\"last_name\":\"Lee\"}");
        docs.add("device", "d1", "{\"name\":\"desk\",\"owner_id\":\"u1\"}");
        LiveSim.in(docs).fromDevice("d1").flow(node("{\"action\":\"deactivate\",\"scope\":\"user\"}")).run();
        assertThat(doc("u1").body().path("call_waiting").path("enabled").asBoolean(true)).isFalse();
        assertThat(doc("d1").body().has("call_waiting")).isFalse();
    }

    @Test
    void withoutTheDocumentTheCallerHearsItIsNotAvailableAndTheCallEnds() {
        SimulationResult r = Sim.in(docs).fromCarrier().flow(node("{}")).run();
        assertThat(Sim.path(r)).containsExactly("call_waiting→null");
        assertThat(Sim.events(r)).contains("play:prompt:cw-not_available");
    }

    @Test
    void anUnknownActionChangesNothing() {
        docs.add("device", "d1", "{\"name\":\"desk\"}");
        SimulationResult r = LiveSim.in(docs).fromDevice("d1").flow(node("{\"action\":\"flip\"}")).run();
        assertThat(Sim.path(r)).containsExactly("call_waiting→_", "play→null");
        assertThat(Sim.events(r)).contains("play:prompt:cw-not_available");
        assertThat(doc("d1").body().has("call_waiting")).isFalse();
    }
}
