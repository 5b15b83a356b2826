package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class ResponseActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    private SimulationResult respond(String data) {
        return Sim.in(docs).flow("{\"module\":\"response\",\"data\":" + data
                + ",\"children\":{\"_\":{\"module\":\"play\",\"data\":{\"id\":\"never\"}}}}").run();
    }

    @Test
    void rejectsWith486ByDefaultAndEndsTheCall() {
        SimulationResult r = respond("{}");
        assertThat(Sim.events(r)).containsExactly("respond:486");
        assertThat(Sim.path(r)).containsExactly("response→null");
        assertThat(r.outcome().end()).isEqualTo("responded");
        assertThat(r.outcome().cause()).isEqualTo("486");
    }

    @Test
    void playsItsMediaAsEarlyMediaFirst() {
        SimulationResult r = respond("{\"code\":404,\"message\":\"Not Here\",\"media\":\"notinservice\"}");
        assertThat(Sim.events(r)).containsExactly("early_media", "play:media:notinservice", "respond:404");
        assertThat(r.outcome().cause()).isEqualTo("404");
        assertThat(r.steps().getFirst().events()).doesNotContain("answer");
    }

    @Test
    void takesTheCodeWrittenAsText() {
        assertThat(respond("{\"code\":\"503\"}").outcome().cause()).isEqualTo("503");
    }

    @Test
    void aCodeThatIsNotAnErrorIsTakenAs486() {
        SimulationResult r = respond("{\"code\":200}");
        assertThat(Sim.events(r)).containsExactly("response:invalid_code:200", "respond:486");
        assertThat(r.outcome().cause()).isEqualTo("486");
    }

    @Test
    void onAnAnsweredCallItOnlyHangsUp() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"answer","data":{},"children":{"_":{"module":"response","data":{"code":503,"media":"m1"}}}}
                """).run();
        assertThat(Sim.events(r)).containsExactly("answer", "play:media:m1", "respond:503");
        assertThat(r.outcome().end()).isEqualTo("hangup");
    }

    @Test
    void aCallerWhoLeavesDuringTheMediaGetsNoResponse() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"response","data":{"code":404,"media":"m1"}}
                """).caller("[{\"wait_ms\": 1000}, {\"hangup\": true}]").run();
        assertThat(Sim.events(r)).containsExactly("early_media", "play:media:m1");
        assertThat(r.outcome().end()).isEqualTo("hangup");
    }
}
