package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;
import tools.jackson.databind.node.ObjectNode;

class RecordCallActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    private static String recordCall(String data) {
        return "{\"module\":\"record_call\",\"data\":" + data
                + ",\"children\":{\"_\":{\"module\":\"play\",\"data\":{\"id\":\"next\"}}}}";
    }

    @Test
    void startingMarksTheCallAsRecordedWithItsSettings() {
        docs.add("callflow", "main", "{\"name\":\"Main line\",\"numbers\":[\"1000\"]}");
        FlowRun.Result r = FlowRun.in(docs).routedTo("main")
                .flow(recordCall("{\"action\":\"start\",\"url\":\"https://rec.example.com/\",\"record_min_sec\":5}")).run();
        ObjectNode settings = r.state().callRecording();
        assertThat(settings).isNotNull();
        assertThat(settings.path("format").asString()).isEqualTo("mp3");
        assertThat(settings.path("method").asString()).isEqualTo("put");
        assertThat(settings.path("time_limit").asInt()).isEqualTo(3600);
        assertThat(settings.path("record_min_sec").asInt()).isEqualTo(5);
        assertThat(settings.path("should_follow_transfer").asBoolean()).isTrue();
        assertThat(settings.path("origin").asString()).isEqualTo("callflow : Main line");
        assertThat(settings.has("action")).isFalse();
        assertThat(r.state().variables()).containsEntry("recording_follow_transfer", "true");
        assertThat(r.events()).startsWith("record_call:start:mp3", "answer", "play:media:next");
    }

    @Test
    void theLabelNamesTheOriginAndOutOfRangeSettingsAreCorrected() {
        FlowRun.Result r = FlowRun.in(docs).flow(recordCall("""
                {"label":"Sales","format":"ogg","time_limit":99999,"method":"post","should_follow_transfer":false}
                """)).run();
        ObjectNode settings = r.state().callRecording();
        assertThat(settings.path("origin").asString()).isEqualTo("callflow : Sales");
        assertThat(settings.path("format").asString()).isEqualTo("mp3");
        assertThat(settings.path("time_limit").asInt()).isEqualTo(10800);
        assertThat(settings.path("method").asString()).isEqualTo("post");
        assertThat(r.state().variables()).containsEntry("recording_follow_transfer", "false");
    }

    @Test
    void stoppingEndsTheRecording() {
        FlowRun.Result r = FlowRun.in(docs).flow("""
                {"module":"record_call","data":{"format":"wav"},"children":{"_":
                 {"module":"record_call","data":{"action":"stop"}}}}
                """).run();
        assertThat(r.state().callRecording()).isNull();
        assertThat(r.events()).containsExactly("record_call:start:wav", "record_call:stop", "hangup:NORMAL_CLEARING");
    }

    @Test
    void stoppingWhatWasNotStartedIsHarmless() {
        SimulationResult r = Sim.in(docs).flow(recordCall("{\"action\":\"stop\"}")).run();
        assertThat(Sim.events(r)).startsWith("record_call:not_recording", "answer");
        assertThat(Sim.path(r)).containsExactly("record_call→_", "play→null");
    }

    @Test
    void aUrlThatIsNotHttpStartsNothing() {
        FlowRun.Result r = FlowRun.in(docs).flow(recordCall("{\"url\":\"ftp://x/y\"}")).run();
        assertThat(r.state().callRecording()).isNull();
        assertThat(r.events()).startsWith("record_call:unsupported_url", "answer");
    }
}
