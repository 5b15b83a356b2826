package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.WebClient;
import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class WebhookActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    private static String hook(String data) {
        return "{\"module\":\"webhook\",\"data\":" + data + ",\"children\":{\"_\":{\"module\":\"play\",\"data\":{\"id\":\"next\"}}}}";
    }

    @Test
    void postsTheCallAndContinues() {
        SimulationResult r = Sim.in(docs).http("http://my.ser.ver/frontdesk/missed_call", "{}")
                .flow(hook("{\"uri\":\"http://my.ser.ver/frontdesk/missed_call\"}")).run();
        assertThat(Sim.path(r)).containsExactly("webhook→_", "play→null");
        assertThat(Sim.events(r)).containsSubsequence("http:POST:http://my.ser.ver/frontdesk/missed_call", "play:media:next");
    }

    @Test
    void theFormCarriesTheCallDataVariablesAndCustomData() {
        LiveSim call = LiveSim.in(docs).web(r -> new WebClient.Response(200, "text/plain", "ok")).flow("""
                {"module":"set_variables","data":{"custom_application_vars":{"crm":"42"}},"children":{"_":%s}}
                """.formatted(hook("""
                {"uri":"https://hooks.example/in","custom_data":{"campaign":"spring"},
                 "custom_request_headers":{"X-Token":"abc"}}
                """)));
        call.run();
        LiveSim.Request sent = call.requests().getFirst();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.headers()).containsEntry("X-Token", "abc")
                .containsEntry("Content-Type", "application/x-www-form-urlencoded");
        assertThat(sent.body()).contains("hook=callflow", "account_id=" + docs.accountId(), "call_id=call-under-test",
                "caller_id_number=%2B15555550100", "caller_id_name=Test+Caller", "to=1000",
                "custom_application_vars=%7B%22crm%22%3A%2242%22%7D", "campaign=spring");
    }

    @Test
    void jsonFormatSendsAJsonBody() {
        LiveSim call = LiveSim.in(docs).web(r -> new WebClient.Response(204, "text/plain", ""))
                .flow(hook("{\"uri\":\"https://hooks.example/in\",\"format\":\"json\"}"));
        call.run();
        assertThat(Json.parse(call.requests().getFirst().body()).path("caller_id_number").asString())
                .isEqualTo("+15555550100");
    }

    @Test
    void getSendsTheDataInTheQueryString() {
        LiveSim call = LiveSim.in(docs).web(r -> new WebClient.Response(200, "text/plain", ""))
                .flow(hook("{\"uri\":\"https://hooks.example/in?src=pbx\",\"http_verb\":\"get\"}"));
        call.run();
        LiveSim.Request sent = call.requests().getFirst();
        assertThat(sent.method()).isEqualTo("GET");
        assertThat(sent.url()).startsWith("https://hooks.example/in?src=pbx&hook=callflow&").contains("call_id=call-under-test");
        assertThat(sent.body()).isNull();
    }

    @Test
    void anUnavailableServerIsRetriedThenTheCallGoesOn() {
        LiveSim call = LiveSim.in(docs).web(r -> new WebClient.Response(503, "text/plain", ""))
                .flow(hook("{\"uri\":\"https://hooks.example/in\",\"retries\":3}"));
        SimulationResult r = call.run();
        assertThat(call.requests()).hasSize(4);
        assertThat(Sim.path(r)).containsExactly("webhook→_", "play→null");
        assertThat(Sim.events(r)).contains("webhook:failed:unavailable");
    }

    @Test
    void anUnreachableServerIsRetriedTwiceByDefault() {
        LiveSim call = LiveSim.in(docs).web(r -> {
            throw new UncheckedIOException(new java.io.IOException("connection refused"));
        }).flow(hook("{\"uri\":\"https://hooks.example/in\"}"));
        SimulationResult r = call.run();
        assertThat(call.requests()).hasSize(3);
        assertThat(Sim.path(r)).containsExactly("webhook→_", "play→null");
    }

    @Test
    void aRefusalIsNotRetried() {
        LiveSim call = LiveSim.in(docs).flow(hook("{\"uri\":\"https://hooks.example/in\"}"));
        SimulationResult r = call.run();
        assertThat(call.requests()).hasSize(1);
        assertThat(Sim.events(r)).contains("webhook:failed:404");
    }

    @Test
    void aUriThatIsNotHttpIsNotRequested() {
        LiveSim call = LiveSim.in(docs).flow(hook("{\"uri\":\"file:///etc/passwd\"}"));
        SimulationResult r = call.run();
        assertThat(call.requests()).isEmpty();
        assertThat(Sim.path(r)).containsExactly("webhook→_", "play→null");
        assertThat(Sim.events(r)).contains("webhook:invalid_uri");
    }
}
