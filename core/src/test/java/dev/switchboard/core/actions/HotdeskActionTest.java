package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.call.BridgeEndpoint;
import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class HotdeskActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    HotdeskActionTest() {
        docs.add("user", "u1", """
                {"first_name":"Ada","last_name":"L","hotdesk":{"enabled":true,"id":"42","pin":"1234","require_pin":true}}""");
        docs.add("user", "u2", "{\"first_name\":\"Bob\",\"last_name\":\"B\",\"hotdesk\":{\"id\":\"43\"}}");
        docs.add("device", "d1", "{\"name\":\"d1\",\"owner_id\":\"u1\",\"sip\":{\"username\":\"d1\"}}");
        docs.add("device", "d2", "{\"name\":\"d2\",\"owner_id\":\"u2\",\"sip\":{\"username\":\"d2\"}}");
        docs.add("device", "d3", "{\"name\":\"d3\",\"sip\":{\"username\":\"d3\"},\"hotdesk\":{\"users\":{\"u1\":{}}}}");
    }

    private List<String> hotdesked(String deviceId) {
        return List.copyOf(docs.get(deviceId).orElseThrow().body().path("hotdesk").path("users").propertyNames());
    }

    private TestCall.Result run(String data, String device, String caller) {
        return TestCall.in(docs).flow("""
                {"module":"hotdesk","data":%s,"children":{"_":{"module":"play","data":{"id":"next"}}}}""".formatted(data))
                .fromDevice(device).caller(caller).run();
    }

    @Test
    void loginWithThePinMovesTheUserToTheCallingDevice() {
        TestCall.Result r = run("{\"action\":\"login\",\"id\":\"u1\"}", "d2", "[{\"dtmf\":\"1234#\"}]");
        assertThat(hotdesked("d2")).containsExactly("u1");
        assertThat(hotdesked("d3")).isEmpty();
        assertThat(r.events()).containsSubsequence("answer", "play:prompt:hotdesk-enter_pin", "collect:1234",
                "play:prompt:hotdesk-logged_in", "play:prompt:vm-goodbye");
        assertThat(r.path()).containsExactly("hotdesk→_", "play→null");
        TestCall.Result ada = TestCall.in(docs).flow("{\"module\":\"user\",\"data\":{\"id\":\"u1\"}}").run();
        assertThat(ada.bridge().endpoints()).extracting(BridgeEndpoint::id).containsExactly("d1", "d2");
        TestCall.Result bob = TestCall.in(docs).flow("{\"module\":\"user\",\"data\":{\"id\":\"u2\"}}").run();
        assertThat(bob.bridges()).isEmpty();
    }

    @Test
    void keepLoggedInElsewhereLeavesTheOtherDevices() {
        docs.add("user", "u1", """
                {"first_name":"Ada","hotdesk":{"enabled":true,"id":"42","keep_logged_in_elsewhere":true}}""");
        run("{\"action\":\"login\",\"id\":\"u1\"}", "d2", "[]");
        assertThat(hotdesked("d2")).containsExactly("u1");
        assertThat(hotdesked("d3")).containsExactly("u1");
    }

    @Test
    void threeWrongPinsAbort() {
        TestCall.Result r = run("{\"action\":\"login\",\"id\":\"u1\"}", "d2", """
                [{"dtmf":"1111#"},{"wait_ms":3000},{"dtmf":"2222#"},{"wait_ms":3000},{"dtmf":"3333#"}]""");
        assertThat(hotdesked("d2")).isEmpty();
        assertThat(hotdesked("d3")).containsExactly("u1");
        assertThat(r.events().stream().filter(e -> e.equals("play:prompt:hotdesk-invalid_entry"))).hasSize(3);
        assertThat(r.events()).containsSubsequence("play:prompt:hotdesk-abort", "play:prompt:vm-goodbye");
        assertThat(r.path()).containsExactly("hotdesk→_", "play→null");
    }

    @Test
    void withoutAnIdTheHotdeskIdIsAskedFor() {
        TestCall.Result r = run("{\"action\":\"login\"}", "d1", """
                [{"dtmf":"99#"},{"wait_ms":3000},{"dtmf":"43#"}]""");
        assertThat(hotdesked("d1")).containsExactly("u2");
        assertThat(r.events()).containsSubsequence("play:prompt:hotdesk-enter_id", "collect:99",
                "play:prompt:hotdesk-invalid_entry", "play:prompt:hotdesk-enter_id", "collect:43",
                "play:prompt:hotdesk-logged_in");
        TestCall.Result giveUp = run("{\"action\":\"login\"}", "d1", "[]");
        assertThat(giveUp.events()).endsWith("play:prompt:hotdesk-abort", "play:media:next", "hangup:NORMAL_CLEARING");
        assertThat(giveUp.events().stream().filter(e -> e.equals("play:prompt:hotdesk-enter_id"))).hasSize(3);
    }

    @Test
    void logoutWithoutAnIdUsesTheUserOnTheCallingDeviceAndLeavesEverywhere() {
        docs.add("device", "d2", """
                {"name":"d2","owner_id":"u2","sip":{"username":"d2"},"hotdesk":{"users":{"u1":{}}}}""");
        TestCall.Result r = run("{\"action\":\"logout\"}", "d2", "[]");
        assertThat(hotdesked("d2")).isEmpty();
        assertThat(hotdesked("d3")).isEmpty();
        assertThat(r.events()).containsSubsequence("answer", "play:prompt:hotdesk-logged_out", "play:prompt:vm-goodbye");
    }

    @Test
    void toggleLogsOutWhenLoggedInAnywhereElseIn() {
        docs.add("user", "u1", "{\"first_name\":\"Ada\",\"hotdesk\":{\"enabled\":true,\"id\":\"42\"}}");
        run("{\"action\":\"toggle\",\"id\":\"u1\"}", "d2", "[]");
        assertThat(hotdesked("d3")).isEmpty();
        assertThat(hotdesked("d2")).isEmpty();
        run("{\"action\":\"toggle\",\"id\":\"u1\"}", "d2", "[]");
        assertThat(hotdesked("d2")).containsExactly("u1");
    }

    @Test
    void bridgeRingsTheHotdeskedDevicesAndStopsWhenAnswered() {
        TestCall.Result r = run("{\"action\":\"bridge\",\"id\":\"u1\"}", null, "[]");
        assertThat(r.bridge().endpoints()).extracting(BridgeEndpoint::id).containsExactly("d3");
        assertThat(r.path()).containsExactly("hotdesk→null");
        assertThat(r.outcome().end()).isEqualTo("bridged");
        TestCall.Result busy = TestCall.in(docs).flow("""
                {"module":"hotdesk","data":{"action":"bridge","id":"u1"},"children":{"USER_BUSY":{"module":"play","data":{"id":"b"}}}}""")
                .endpoint("d3", "busy").run();
        assertThat(busy.path()).containsExactly("hotdesk→USER_BUSY", "play→null");
        TestCall.Result disabled = run("{\"action\":\"bridge\",\"id\":\"u2\"}", null, "[]");
        assertThat(disabled.bridges()).isEmpty();
        assertThat(disabled.path()).containsExactly("hotdesk→_", "play→null");
    }

    @Test
    void anUnknownUserAborts() {
        TestCall.Result r = run("{\"action\":\"login\",\"id\":\"nobody\"}", "d2", "[]");
        assertThat(r.events()).contains("play:prompt:hotdesk-abort");
        assertThat(r.path()).containsExactly("hotdesk→_", "play→null");
    }

    @Test
    void aSimulatedLoginIsSeenByTheRestOfThatCallButChangesNothingReal() {
        docs.add("user", "u1", "{\"first_name\":\"Ada\",\"hotdesk\":{\"enabled\":true,\"id\":\"42\"}}");
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"hotdesk","data":{"action":"login","id":"u1"},
                 "children":{"_":{"module":"user","data":{"id":"u1","can_call_self":true}}}}""").fromDevice("d2")
                .endpoint("d1", "no_answer").run();
        // d3 no longer rings for u1 (logged out there by the login), d2 does (logged in there within this call)
        assertThat(Sim.events(r)).contains("bridge:d1:cancelled", "bridge:d2:answered")
                .doesNotContain("bridge:d3:answered", "bridge:d3:cancelled");
        assertThat(hotdesked("d2")).isEmpty();
        assertThat(hotdesked("d3")).containsExactly("u1");
    }
}
