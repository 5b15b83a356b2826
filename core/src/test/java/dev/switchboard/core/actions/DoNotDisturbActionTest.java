package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;

class DoNotDisturbActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    DoNotDisturbActionTest() {
        docs.add("user", "u1", "{\"first_name\":\"Ada\",\"last_name\":\"L\"}");
        docs.add("device", "d1", "{\"name\":\"d1\",\"owner_id\":\"u1\",\"sip\":{\"username\":\"d1\"}}");
        docs.add("device", "d2", "{\"name\":\"d2\",\"sip\":{\"username\":\"d2\"}}");
    }

    private boolean dnd(String id) {
        return docs.get(id).orElseThrow().body().path("do_not_disturb").path("enabled").asBoolean(false);
    }

    private TestCall.Result run(String data, String device) {
        return TestCall.in(docs).flow("""
                {"module":"do_not_disturb","data":%s,"children":{"_":{"module":"play","data":{"id":"next"}}}}"""
                .formatted(data)).fromDevice(device).run();
    }

    @Test
    void activatesForTheCallersUserAndAnnouncesIt() {
        TestCall.Result r = run("{\"action\":\"activate\"}", "d1");
        assertThat(dnd("u1")).isTrue();
        assertThat(dnd("d1")).isFalse();
        assertThat(r.events()).containsSubsequence("answer", "play:prompt:dnd-activated");
        assertThat(r.path()).containsExactly("do_not_disturb→_", "play→null");
        TestCall.Result ring = TestCall.in(docs).flow("{\"module\":\"user\",\"data\":{\"id\":\"u1\"}}").run();
        assertThat(ring.events()).contains("endpoint:d1:do_not_disturb");
    }

    @Test
    void toggleFlipsAndAnIdNamesTheDocument() {
        run("{\"action\":\"toggle\",\"id\":\"d2\"}", "d1");
        assertThat(dnd("d2")).isTrue();
        TestCall.Result off = run("{\"action\":\"toggle\",\"id\":\"d2\"}", "d1");
        assertThat(dnd("d2")).isFalse();
        assertThat(off.events()).contains("play:prompt:dnd-deactivated");
    }

    @Test
    void anOwnerlessDeviceChangesItselfAndAnAlreadySetStateIsOnlyAnnounced() {
        run("{\"action\":\"deactivate\"}", "d2");
        assertThat(docs.get("d2").orElseThrow().revisionNumber()).isEqualTo(1);
        TestCall.Result r = run("{\"action\":\"activate\"}", "d2");
        assertThat(dnd("d2")).isTrue();
        assertThat(r.events()).contains("saved:device:d2:do_not_disturb.true");
    }

    @Test
    void nothingToChangeIsNotAvailableAndAnUnknownActionToo() {
        TestCall.Result nobody = TestCall.in(docs).flow("""
                {"module":"do_not_disturb","data":{"action":"activate"},"children":{"_":{"module":"play","data":{"id":"x"}}}}""")
                .run();
        assertThat(nobody.events()).containsExactly("play:prompt:dnd-not_available", "hangup:NORMAL_CLEARING");
        TestCall.Result unknown = run("{\"action\":\"sometimes\"}", "d1");
        assertThat(unknown.events()).contains("play:prompt:dnd-not_available");
        assertThat(unknown.path()).containsExactly("do_not_disturb→_", "play→null");
        assertThat(dnd("u1")).isFalse();
    }
}
