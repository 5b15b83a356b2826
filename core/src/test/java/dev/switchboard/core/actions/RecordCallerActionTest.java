package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class RecordCallerActionTest {
    private static final String URL = "https://rec.example.com/upload";
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    private static String record(String data) {
        return "{\"module\":\"record_caller\",\"data\":" + data
                + ",\"children\":{\"_\":{\"module\":\"play\",\"data\":{\"id\":\"next\"}}}}";
    }

    @Test
    void recordsUntilAKeyAndSendsTheFileToTheUrl() {
        SimulationResult r = Sim.in(docs).flow(record("{\"url\":\"" + URL + "\"}")).http(URL, "ok")
                .caller("[{\"wait_ms\": 4000}, {\"dtmf\": \"5\"}]").run();
        assertThat(Sim.events(r)).startsWith("answer", "record:4000", "http:PUT:" + URL, "play:media:next");
        assertThat(Sim.path(r)).containsExactly("record_caller→_", "play→null");
    }

    @Test
    void postsWhenToldTo() {
        SimulationResult r = Sim.in(docs).flow(record("{\"url\":\"" + URL + "\",\"method\":\"post\",\"time_limit\":10}"))
                .http(URL, "ok").run();
        assertThat(Sim.events(r)).startsWith("answer", "record:10000", "http:POST:" + URL);
    }

    @Test
    void withoutAUrlTheRecordingIsKeptInTheAccount() {
        FlowRun.Result r = FlowRun.in(docs).flow(record("{\"format\":\"wav\"}"))
                .caller("[{\"wait_ms\": 3000}, {\"dtmf\": \"#\"}]").run();
        String saved = r.events().stream().filter(e -> e.startsWith("record_caller:saved:")).findFirst().orElseThrow()
                .substring("record_caller:saved:".length());
        Document media = docs.get("media", saved).orElseThrow();
        assertThat(media.body().path("name").asString()).isEqualTo("call-1.wav");
        assertThat(media.body().path("media_source").asString()).isEqualTo("recording");
        assertThat(media.body().path("source_type").asString()).isEqualTo("record_caller");
        assertThat(docs.attachment(saved, "audio")).hasValueSatisfying(a -> assertThat(a.bytes()).hasSize(44 + 3000 * 16));
        assertThat(r.events()).contains("record:3000");
    }

    @Test
    void aUrlThatDoesNotTakeTheFileLeavesItInTheAccount() {
        FlowRun.Result r = FlowRun.in(docs).flow(record("{\"url\":\"" + URL + "\",\"time_limit\":1}")).run();
        assertThat(r.events()).contains("record:5000", "record_caller:upload_failed:UnsupportedOperationException");
        assertThat(r.events()).anyMatch(e -> e.startsWith("record_caller:saved:"));
        SimulationResult sim = Sim.in(docs).flow(record("{\"url\":\"" + URL + "\"}"))
                .caller("[{\"wait_ms\": 1000}, {\"dtmf\": \"1\"}]").run();
        assertThat(Sim.events(sim)).contains("http:PUT:" + URL, "record_caller:upload_failed:404");
    }

    @Test
    void aUrlThatIsNotHttpRecordsNothing() {
        SimulationResult r = Sim.in(docs).flow(record("{\"url\":\"ftp://files.example.com/rec\"}")).run();
        assertThat(Sim.events(r)).startsWith("record_caller:unsupported_url", "answer", "play:media:next");
        assertThat(Sim.events(r)).noneMatch(e -> e.startsWith("record:"));
    }

    @Test
    void aCallerWhoHangsUpStillLeavesTheRecording() {
        FlowRun.Result r = FlowRun.in(docs).flow(record("{}")).caller("[{\"wait_ms\": 2500}, {\"hangup\": true}]").run();
        assertThat(r.events()).contains("record:2500");
        assertThat(r.events()).anyMatch(e -> e.startsWith("record_caller:saved:"));
        assertThat(r.trace().steps()).hasSize(1);
    }
}
