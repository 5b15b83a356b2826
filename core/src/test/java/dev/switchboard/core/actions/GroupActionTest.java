package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.call.BridgeEndpoint;
import dev.switchboard.core.call.Media;
import dev.switchboard.core.sim.MemoryDocuments;

class GroupActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    GroupActionTest() {
        docs.add("user", "u1", "{\"first_name\":\"Ada\",\"last_name\":\"L\"}");
        docs.add("device", "d1", "{\"name\":\"d1\",\"owner_id\":\"u1\",\"sip\":{\"username\":\"d1\"}}");
        docs.add("device", "d2", "{\"name\":\"d2\",\"sip\":{\"username\":\"d2\"}}");
        docs.add("device", "d3", "{\"name\":\"d3\",\"sip\":{\"username\":\"d3\"}}");
        docs.add("group", "g1", """
                {"name":"Support","endpoints":{"u1":{"type":"user","delay":2},"d2":{"type":"device","timeout":9},
                 "d3":{"type":"device"},"d1":{"type":"device"}}}""");
    }

    @Test
    void answersThenRingsDeviceMembersFirstThenUsersDevicesOnce() {
        TestCall.Result r = TestCall.in(docs).flow("""
                {"module":"group","data":{"id":"g1","timeout":30}}""").fromDevice("d3").run();
        assertThat(r.events().getFirst()).isEqualTo("answer");
        assertThat(r.bridge().endpoints()).extracting(BridgeEndpoint::id).containsExactly("d2", "d1");
        assertThat(r.bridge().endpoints()).extracting(BridgeEndpoint::timeout).containsExactly(9, 30);
        assertThat(r.bridge().endpoints()).allMatch(e -> "g1".equals(e.groupId()));
        assertThat(r.bridge().timeout()).isEqualTo(30);
        assertThat(r.outcome().end()).isEqualTo("bridged");
    }

    @Test
    void theGroupDocumentsSettingsWin() {
        docs.add("group", "g2", """
                {"name":"Ops","strategy":"single","timeout":12,"ringback":"rb1","endpoints":{"d2":{"type":"device"}}}""");
        TestCall.Result r = TestCall.in(docs).flow("""
                {"module":"group","data":{"id":"g2","timeout":30,"strategy":"simultaneous","ringback":"rb2"}}""").run();
        assertThat(r.bridge().strategy()).isEqualTo("single");
        assertThat(r.bridge().timeout()).isEqualTo(12);
        assertThat(r.bridge().ringback()).isEqualTo(new Media.Stored(docs.accountId(), "rb1"));
    }

    @Test
    void aMissingGroupGoesOnAndFailuresTakeTheirChild() {
        TestCall.Result missing = TestCall.in(docs).flow("""
                {"module":"group","data":{"id":"nope"},"children":{"_":{"module":"play","data":{"id":"x"}}}}""").run();
        assertThat(missing.path()).containsExactly("group→_", "play→null");
        TestCall.Result busy = TestCall.in(docs).flow("""
                {"module":"group","data":{"id":"g1"},"children":{"sip:486":{"module":"play","data":{"id":"busy"}}}}""")
                .endpoint("g1", "busy").run();
        assertThat(busy.path()).containsExactly("group→sip:486", "play→null");
    }
}
