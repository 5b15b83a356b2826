package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.engine.WebClient;
import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class NomoroboActionTest {
    private static final String LOOKUP = "https://api.nomorobo.com/v1/check?From=5555550100&To=1000";
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    private static String node(String children) {
        return "{\"module\":\"nomorobo\",\"data\":{\"username\":\"acme\",\"password\":\"s3cret\"},\"children\":" + children + "}";
    }

    private static final String BUCKETS = """
            {"0":{"module":"play","data":{"id":"clean"}},"3":{"module":"play","data":{"id":"suspect"}},
             "6":{"module":"play","data":{"id":"likely"}},"10":{"module":"play","data":{"id":"robot"}}}
            """;

    private SimulationResult scored(String score, String children) {
        return Sim.in(docs).http(LOOKUP, "{\"score\":" + score + "}").flow(node(children)).run();
    }

    @Test
    void theScoreTimesTenPicksTheLargestThresholdNotAboveIt() {
        assertThat(Sim.path(scored("0.79", BUCKETS))).containsExactly("nomorobo→6", "play→null");
        assertThat(Sim.path(scored("0.05", BUCKETS))).containsExactly("nomorobo→0", "play→null");
        assertThat(Sim.path(scored("0.3", BUCKETS))).containsExactly("nomorobo→3", "play→null");
        assertThat(Sim.path(scored("1.0", BUCKETS))).containsExactly("nomorobo→10", "play→null");
        assertThat(Sim.events(scored("0.79", BUCKETS))).contains("http:GET:" + LOOKUP, "nomorobo:score=7");
    }

    @Test
    void aScoreBelowEveryThresholdGoesToTheDefault() {
        SimulationResult r = scored("0.1", "{\"5\":{\"module\":\"play\",\"data\":{\"id\":\"robot\"}},"
                + "\"_\":{\"module\":\"play\",\"data\":{\"id\":\"human\"}}}");
        assertThat(Sim.path(r)).containsExactly("nomorobo→_", "play→null");
    }

    @Test
    void theLookupIsAuthenticatedWithTheCredentials() {
        LiveSim call = LiveSim.in(docs).web(r -> new WebClient.Response(200, "application/json", "{\"score\":0.0}"))
                .flow(node(BUCKETS));
        call.run();
        assertThat(call.requests().getFirst().headers()).containsEntry("Authorization", "Basic "
                + Base64.getEncoder().encodeToString("acme:s3cret".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aFailedLookupGoesToTheDefaultElseToZeroElseEnds() {
        SimulationResult withDefault = Sim.in(docs).flow(node("{\"6\":{\"module\":\"play\",\"data\":{\"id\":\"likely\"}},"
                + "\"_\":{\"module\":\"play\",\"data\":{\"id\":\"unknown\"}}}")).run();
        assertThat(Sim.path(withDefault)).containsExactly("nomorobo→_", "play→null");
        assertThat(Sim.events(withDefault)).contains("nomorobo:failed");
        assertThat(Sim.path(Sim.in(docs).flow(node(BUCKETS)).run())).containsExactly("nomorobo→0", "play→null");
        SimulationResult neither = Sim.in(docs).flow(node("{\"6\":{\"module\":\"play\",\"data\":{\"id\":\"likely\"}}}")).run();
        assertThat(Sim.path(neither)).containsExactly("nomorobo→null");
    }

    @Test
    void anAnswerWithoutAScoreIsAFailure() {
        SimulationResult r = Sim.in(docs).http(LOOKUP, "{\"status\":\"ok\"}").flow(node(BUCKETS)).run();
        assertThat(Sim.events(r)).contains("nomorobo:failed");
    }
}
