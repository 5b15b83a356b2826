package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class PlayActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    @Test
    void answersPlaysAndContinues() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"play","data":{"id":"m1"},"children":{"_":{"module":"play","data":{"id":"http://x/y.wav","answer":false}}}}
                """).run();
        assertThat(Sim.events(r)).containsExactly("answer", "play:media:m1", "play:url:http://x/y.wav",
                "hangup:NORMAL_CLEARING");
        assertThat(Sim.path(r)).containsExactly("play→_", "play→null");
    }

    @Test
    void loopsAndStopsOnATerminator() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"play","data":{"id":"m1","loop_count":3,"terminators":["#"]}}
                """).caller("[{\"wait_ms\": 2500}, {\"dtmf\": \"5#\"}]").run();
        assertThat(Sim.events(r)).containsExactly("answer", "play:media:m1", "play:media:m1", "dtmf:#",
                "hangup:NORMAL_CLEARING");
    }

    @Test
    void endlessPlaybackEndsWhenTheCallerLeaves() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"play","data":{"id":"m1","endless_playback":true},"children":{"_":{"module":"sleep","data":{}}}}
                """).caller("[{\"wait_ms\": 9000}, {\"hangup\": true}]").run();
        assertThat(Sim.events(r).stream().filter(e -> e.equals("play:media:m1")).count()).isEqualTo(5);
        assertThat(Sim.path(r)).containsExactly("play→null");
    }

    @Test
    void noMediaContinuesWithoutAnswering() {
        SimulationResult r = Sim.in(docs).flow("{\"module\":\"play\",\"data\":{}}").run();
        assertThat(Sim.events(r)).containsExactly("hangup:NORMAL_CLEARING");
    }
}
