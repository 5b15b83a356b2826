package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;
import tools.jackson.databind.JsonNode;

class CallForwardActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    CallForwardActionTest() {
        docs.add("user", "u1", "{\"first_name\":\"Ada\",\"last_name\":\"L\"}");
        docs.add("device", "d1", "{\"name\":\"d1\",\"owner_id\":\"u1\",\"sip\":{\"username\":\"d1\"}}");
        docs.add("device", "lobby", "{\"name\":\"lobby\",\"sip\":{\"username\":\"lobby\"}}");
        docs.add("callflow", "cf72", """
                {"patterns":["^\\\\*72(\\\\d*)$"],"flow":{"module":"call_forward","data":{"action":"activate"}}}""");
    }

    private JsonNode forward(String id) {
        return docs.get(id).orElseThrow().body().path("call_forward");
    }

    private TestCall.Result run(String action, String caller) {
        return TestCall.in(docs).flow("{\"module\":\"call_forward\",\"data\":{\"action\":\"" + action + "\"}}")
                .fromDevice("d1").caller(caller).run();
    }

    @Test
    void activateTakesTheNumberFromTheFeatureCode() {
        TestCall.Result r = TestCall.in(docs).to("*725551234").fromDevice("d1").run();
        assertThat(forward("u1").path("enabled").asBoolean()).isTrue();
        assertThat(forward("u1").path("number").asString()).isEqualTo("5551234");
        assertThat(r.events()).containsSubsequence("answer", "play:prompt:cf-now_forwarded_to", "say:digits:5551234");
        assertThat(r.path()).containsExactly("call_forward→null");
    }

    @Test
    void activateAsksForTheNumberAgainWhenTooShort() {
        TestCall.Result r = run("activate", """
                [{"dtmf":"12#"},{"wait_ms":1000},{"dtmf":"5551234#"}]""");
        assertThat(forward("u1").path("number").asString()).isEqualTo("5551234");
        assertThat(r.events()).containsSubsequence("play:prompt:cf-enter_number", "collect:12",
                "play:prompt:cf-enter_number", "collect:5551234", "play:prompt:vm-saved", "play:prompt:cf-now_forwarded_to");
    }

    @Test
    void noNumberChangesNothing() {
        TestCall.Result r = run("activate", "[]");
        assertThat(docs.get("u1").orElseThrow().body().has("call_forward")).isFalse();
        assertThat(r.events().stream().filter(e -> e.equals("play:prompt:cf-enter_number"))).hasSize(3);
    }

    @Test
    void deactivateKeepsTheNumber() {
        docs.add("user", "u1", "{\"first_name\":\"Ada\",\"call_forward\":{\"enabled\":true,\"number\":\"5551234\",\"substitute\":false}}");
        TestCall.Result r = run("deactivate", "[]");
        assertThat(forward("u1").path("enabled").asBoolean()).isFalse();
        assertThat(forward("u1").path("number").asString()).isEqualTo("5551234");
        assertThat(forward("u1").path("substitute").asBoolean()).isFalse();
        assertThat(r.events()).contains("play:prompt:cf-disabled");
    }

    @Test
    void updateChangesOnlyTheNumber() {
        docs.add("user", "u1", "{\"first_name\":\"Ada\",\"call_forward\":{\"enabled\":false,\"number\":\"5551234\"}}");
        run("update", "[{\"dtmf\":\"5559999#\"}]");
        assertThat(forward("u1").path("enabled").asBoolean()).isFalse();
        assertThat(forward("u1").path("number").asString()).isEqualTo("5559999");
    }

    @Test
    void toggleFlipsAndReusesTheStoredNumber() {
        docs.add("user", "u1", "{\"first_name\":\"Ada\",\"call_forward\":{\"enabled\":false,\"number\":\"5551234\"}}");
        TestCall.Result on = run("toggle", "[]");
        assertThat(forward("u1").path("enabled").asBoolean()).isTrue();
        assertThat(on.events()).contains("say:digits:5551234").doesNotContain("play:prompt:cf-enter_number");
        run("toggle", "[]");
        assertThat(forward("u1").path("enabled").asBoolean()).isFalse();
    }

    @Test
    void toggleWithoutANumberAsksForOne() {
        run("toggle", "[{\"dtmf\":\"5557777#\"}]");
        assertThat(forward("u1").path("enabled").asBoolean()).isTrue();
        assertThat(forward("u1").path("number").asString()).isEqualTo("5557777");
    }

    @Test
    void theMenuTogglesWithOneAndChangesTheNumberWithTwo() {
        docs.add("user", "u1", "{\"first_name\":\"Ada\",\"call_forward\":{\"enabled\":false,\"number\":\"5551234\"}}");
        TestCall.Result r = run("menu", """
                [{"dtmf":"1"},{"wait_ms":6000},{"dtmf":"2"},{"wait_ms":500},{"dtmf":"5550000#"}]""");
        assertThat(forward("u1").path("enabled").asBoolean()).isTrue();
        assertThat(forward("u1").path("number").asString()).isEqualTo("5550000");
        assertThat(r.events()).containsSubsequence("play:prompt:cf-disabled_menu", "collect:1",
                "play:prompt:cf-now_forwarded_to", "play:prompt:cf-enabled_menu", "collect:2",
                "play:prompt:cf-enter_number", "collect:5550000", "play:prompt:cf-enabled_menu", "collect:");
    }

    @Test
    void anOwnerlessDeviceForwardsItselfAndNoDeviceIsNotAvailable() {
        TestCall.in(docs).flow("{\"module\":\"call_forward\",\"data\":{\"action\":\"activate\"}}").fromDevice("lobby")
                .caller("[{\"dtmf\":\"5551111#\"}]").run();
        assertThat(forward("lobby").path("number").asString()).isEqualTo("5551111");
        TestCall.Result nobody = TestCall.in(docs).flow("""
                {"module":"call_forward","data":{"action":"activate"},"children":{"_":{"module":"play","data":{"id":"x"}}}}""")
                .run();
        assertThat(nobody.events()).containsExactly("play:prompt:cf-not_available", "hangup:NORMAL_CLEARING");
        assertThat(nobody.path()).containsExactly("call_forward→null");
    }
}
