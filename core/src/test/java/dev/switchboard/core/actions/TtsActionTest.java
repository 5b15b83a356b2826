package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class TtsActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    private static String flow(String data) {
        return "{\"module\":\"tts\",\"data\":" + data
                + ",\"children\":{\"_\":{\"module\":\"play\",\"data\":{\"id\":\"next\"}}}}";
    }

    @Test
    void answersSpeaksAndContinues() {
        SimulationResult r = Sim.in(docs).flow(flow("{\"text\":\"Hello there\"}")).run();
        assertThat(Sim.path(r)).containsExactly("tts→_", "play→null");
        assertThat(Sim.events(r)).startsWith("answer", "play:tts:Hello there", "play:media:next");
        assertThat(r.steps().get(1).tMs()).isEqualTo(1000);
    }

    @Test
    void endlessPlaybackRepeatsUntilATerminator() {
        SimulationResult r = Sim.in(docs).flow(flow("{\"text\":\"Hi\",\"endless_playback\":true,\"terminators\":[\"#\"]}"))
                .caller("[{\"wait_ms\": 5500}, {\"dtmf\": \"1#\"}]").run();
        assertThat(Sim.events(r).stream().filter(e -> e.equals("play:tts:Hi")).count()).isEqualTo(6);
        assertThat(Sim.events(r)).contains("dtmf:#");
        assertThat(Sim.path(r)).containsExactly("tts→_", "play→null");
    }

    @Test
    void withoutTextItStopsTheFlow() {
        SimulationResult r = Sim.in(docs).flow(flow("{\"text\":\" \"}")).run();
        assertThat(Sim.path(r)).containsExactly("tts→null");
        assertThat(Sim.events(r)).containsExactly("tts:no_text", "hangup:NORMAL_CLEARING");
    }

    @Test
    void aCallerWhoHangsUpDuringTheSpeechEndsTheFlow() {
        SimulationResult r = Sim.in(docs).flow(flow("{\"text\":\"A long announcement that goes on and on\"}"))
                .caller("[{\"wait_ms\": 500}, {\"hangup\": true}]").run();
        assertThat(Sim.path(r)).containsExactly("tts→null");
        assertThat(r.outcome().end()).isEqualTo("hangup");
    }
}
