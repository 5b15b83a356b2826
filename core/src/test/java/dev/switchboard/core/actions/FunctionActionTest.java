package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.engine.WebClient;
import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class FunctionActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    private static String node(String id) {
        return "{\"module\":\"function\",\"data\":{\"id\":\"" + id + "\"},\"children\":{\"_\":{\"module\":\"play\",\"data\":{\"id\":\"fallback\"}}}}";
    }

    @Test
    void branchesToTheFlowAStoredFunctionHolds() {
        docs.add("function", "f1", "{\"name\":\"greet\",\"flow\":{\"module\":\"play\",\"data\":{\"id\":\"hello\"}}}");
        SimulationResult r = Sim.in(docs).flow(node("f1")).run();
        assertThat(Sim.path(r)).containsExactly("function→null", "play→null", "play→null");
        assertThat(r.steps().get(1).path()).isEqualTo("function:f1/flow");
        assertThat(Sim.events(r)).containsSubsequence("play:media:hello", "play:media:fallback");
    }

    @Test
    void asksTheFunctionsUrlWithTheCallsParameters() {
        docs.add("function", "f2", "{\"name\":\"route\",\"url\":\"https://fn.example/route\"}");
        LiveSim call = LiveSim.in(docs).web(r -> r.url().startsWith("https://fn.example/route?")
                ? new WebClient.Response(200, "application/json", "{\"module\":\"play\",\"data\":{\"id\":\"computed\"}}")
                : new WebClient.Response(404, "text/plain", "")).flow("""
                {"module":"set_variables","data":{"custom_application_vars":{"crm":"42"}},"children":{"_":%s}}
                """.formatted(node("f2")));
        SimulationResult r = call.run();
        assertThat(Sim.events(r)).contains("play:media:computed");
        assertThat(call.requests().getFirst().method()).isEqualTo("GET");
        assertThat(call.requests().getFirst().url()).contains("Call-ID=call-under-test", "Caller-ID-Number=%2B15555550100",
                "crm=42");
    }

    @Test
    void aFlowThatFailsTheCallflowChecksIsNotRun() {
        docs.add("function", "bad", "{\"name\":\"bad\",\"flow\":{\"module\":\"play\",\"data\":{\"id\":5}}}");
        docs.add("function", "unknown", "{\"name\":\"unknown\",\"flow\":{\"module\":\"teleport\",\"data\":{}}}");
        for (String id : new String[] {"bad", "unknown"}) {
            SimulationResult r = Sim.in(docs).flow(node(id)).run();
            assertThat(Sim.path(r)).containsExactly("function→_", "play→null");
            assertThat(Sim.events(r)).contains("function:invalid:" + id);
        }
    }

    @Test
    void aFunctionWithoutAResultOrAFailingUrlContinues() {
        docs.add("function", "js", "{\"name\":\"javascript\",\"source\":\"function(doc, req) {}\"}");
        docs.add("function", "down", "{\"name\":\"down\",\"url\":\"https://fn.example/down\"}");
        assertThat(Sim.events(Sim.in(docs).flow(node("js")).run())).contains("function:invalid:js", "play:media:fallback");
        assertThat(Sim.events(Sim.in(docs).flow(node("down")).run())).contains("function:invalid:down", "play:media:fallback");
    }

    @Test
    void aMissingFunctionContinues() {
        SimulationResult r = Sim.in(docs).flow(node("nope")).run();
        assertThat(Sim.path(r)).containsExactly("function→_", "play→null");
        assertThat(Sim.events(r)).contains("function:not_found:nope");
    }
}
