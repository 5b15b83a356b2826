package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.call.BridgeEndpoint;
import dev.switchboard.core.sim.MemoryDocuments;
import tools.jackson.databind.JsonNode;

class RingGroupToggleActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    RingGroupToggleActionTest() {
        docs.add("user", "u1", "{\"first_name\":\"Ada\",\"last_name\":\"L\"}");
        docs.add("user", "u2", "{\"first_name\":\"Bob\",\"last_name\":\"B\"}");
        docs.add("device", "d1", "{\"name\":\"d1\",\"owner_id\":\"u1\",\"sip\":{\"username\":\"d1\"}}");
        docs.add("device", "d2", "{\"name\":\"d2\",\"owner_id\":\"u2\",\"sip\":{\"username\":\"d2\"}}");
        docs.add("device", "d9", "{\"name\":\"d9\",\"sip\":{\"username\":\"d9\"}}");
        docs.add("callflow", "sales", """
                {"numbers":["2000"],"flow":{"module":"ring_group","data":{"endpoints":[
                    {"id":"u2","endpoint_type":"user"},{"id":"u1","endpoint_type":"user"},{"id":"d9"}]},
                  "children":{"_":{"module":"ring_group","data":{"endpoints":[{"id":"u2","endpoint_type":"user"}]}}}}}""");
    }

    private JsonNode members() {
        return docs.get("sales").orElseThrow().body().path("flow").path("data").path("endpoints");
    }

    private TestCall.Result toggle(String action) {
        return TestCall.in(docs).flow("""
                {"module":"ring_group_toggle","data":{"action":"%s","callflow_id":"sales"},
                 "children":{"_":{"module":"play","data":{"id":"next"}}}}""".formatted(action)).fromDevice("d1").run();
    }

    @Test
    void logoutDisablesTheCallersMembershipUntil2100AndTheGroupSkipsThem() {
        TestCall.Result r = toggle("logout");
        assertThat(members().get(1).path("disable_until").asLong()).isEqualTo(66_269_664_000L);
        assertThat(members()).extracting(m -> m.path("id").asString()).containsExactly("u2", "u1", "d9");
        assertThat(members().get(0).has("disable_until")).isFalse();
        assertThat(r.events()).containsSubsequence("answer", "play:prompt:agent-logged_out",
                "play:prompt:agent-invalid_choice");
        assertThat(r.path()).containsExactly("ring_group_toggle→_", "play→null");
        TestCall.Result call = TestCall.in(docs).to("2000").run();
        assertThat(call.bridges().getFirst().endpoints()).extracting(BridgeEndpoint::id).containsExactly("d2", "d9");
    }

    @Test
    void loginEnablesItAgain() {
        toggle("logout");
        TestCall.Result r = toggle("login");
        assertThat(members().get(1).path("disable_until").asLong()).isZero();
        assertThat(r.events()).contains("play:prompt:agent-logged_in");
        TestCall.Result call = TestCall.in(docs).to("2000").run();
        assertThat(call.bridges().getFirst().endpoints()).extracting(BridgeEndpoint::id).containsExactly("d2", "d1", "d9");
    }

    @Test
    void aMissingCallflowGoesOn() {
        TestCall.Result r = TestCall.in(docs).flow("""
                {"module":"ring_group_toggle","data":{"action":"login","callflow_id":"nope"},
                 "children":{"_":{"module":"play","data":{"id":"next"}}}}""").fromDevice("d1").run();
        assertThat(r.path()).containsExactly("ring_group_toggle→_", "play→null");
        assertThat(r.events()).contains("ring_group_toggle:callflow_not_found");
    }
}
