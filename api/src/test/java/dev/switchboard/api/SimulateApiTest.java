package dev.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchboard.core.doc.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class SimulateApiTest {
    private static ApiHarness api;
    private static String base;
    private static String callflowId;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiHarness();
        base = "/v2/accounts/" + api.root.id() + "/callflows";
        ObjectNode cf = (ObjectNode) Json.parse("""
                {"name":"Greeting","numbers":["1000"],
                 "flow":{"module":"play","data":{"id":"welcome"},
                         "children":{"_":{"module":"sleep","data":{"duration":2}}}}}
                """);
        callflowId = api.put(api.rootToken, base, cf).data().get("id").asString();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private ApiHarness.Response simulate(String json) {
        return api.post(api.rootToken, base + "/simulate", Json.parse(json));
    }

    @Test
    void runsTheStoredCallflowStepByStep() {
        ApiHarness.Response r = simulate("{\"to\":\"1000\",\"from\":{\"number\":\"+15551234567\",\"name\":\"Ann\"}}");
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        JsonNode data = r.data();
        assertThat(data.get("callflow_id").asString()).isEqualTo(callflowId);
        JsonNode steps = data.get("steps");
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).get("module").asString()).isEqualTo("play");
        assertThat(steps.get(0).get("path").asString()).isEqualTo("flow");
        assertThat(steps.get(0).get("next").asString()).isEqualTo("_");
        assertThat(steps.get(0).get("events").toString()).contains("play:media:welcome");
        assertThat(steps.get(1).get("path").asString()).isEqualTo("flow.children._");
        assertThat(steps.get(1).get("t_ms").asLong()).isEqualTo(2000);
        assertThat(steps.get(1).get("next").isNull()).isTrue();
        assertThat(data.get("result").get("end").asString()).isEqualTo("hangup");
    }

    @Test
    void runsAnUnsavedDraftFlow() {
        ApiHarness.Response r = simulate("""
                {"to":"anything","flow":{"module":"sleep","data":{"duration":1},"children":{}}}
                """);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.data().get("callflow_id").isNull()).isTrue();
        assertThat(r.data().get("steps").get(0).get("events").toString()).contains("pause:1000");
    }

    @Test
    void theCallerHangingUpEndsTheSimulation() {
        ApiHarness.Response r = simulate("""
                {"to":"1000","caller":[{"wait_ms":500},{"hangup":true}]}
                """);
        assertThat(r.data().get("steps")).hasSize(1);
        assertThat(r.data().get("result").get("end").asString()).isEqualTo("hangup");
    }

    @Test
    void anUnknownNumberIsNamed() {
        ApiHarness.Response r = simulate("{\"to\":\"9999\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.data().get("to").has("not_found")).isTrue();
    }

    @Test
    void malformedStepsAreNamed() {
        ApiHarness.Response r = simulate("{\"to\":\"1000\",\"caller\":[{\"dtmf\":\"1\"},{\"jump\":true}]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.data().get("caller").get("invalid").get("message").asString()).contains("step 1");
        ApiHarness.Response missing = simulate("{\"caller\":[]}");
        assertThat(missing.data().has("to")).isTrue();
        ApiHarness.Response badTime = simulate("{\"to\":\"1000\",\"at\":\"yesterday\"}");
        assertThat(badTime.data().has("at")).isTrue();
        ApiHarness.Response badEndpoint = simulate("{\"to\":\"1000\",\"endpoints\":{\"default\":\"maybe\"}}");
        assertThat(badEndpoint.data().has("endpoints")).isTrue();
    }

    @Test
    void aDraftThatFailsValidationNamesTheField() {
        ApiHarness.Response r = simulate("""
                {"to":"1000","flow":{"module":"sleep","data":{"duration":"long"}}}
                """);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.data().has("flow.data.duration")).as(r.data().toString()).isTrue();
        ApiHarness.Response unknown = simulate("{\"to\":\"1000\",\"flow\":{\"module\":\"teleport\",\"data\":{}}}");
        assertThat(unknown.data().has("flow.module")).isTrue();
    }

    @Test
    void aNewPatternCallflowIsRoutedAtOnce() {
        assertThat(simulate("{\"to\":\"*5512\"}").status()).isEqualTo(400);
        ObjectNode cf = (ObjectNode) Json.parse("""
                {"name":"Star","patterns":["^\\\\*55(\\\\d+)$"],"flow":{"module":"sleep","data":{"duration":1}}}
                """);
        assertThat(api.put(api.rootToken, base, cf).status()).isEqualTo(201);
        assertThat(simulate("{\"to\":\"*5512\"}").status()).isEqualTo(200);
    }

    @Test
    void aSimulationChangesNothing() {
        JsonNode before = api.get(api.rootToken, "/v2/accounts/" + api.root.id() + "/export").data();
        simulate("{\"to\":\"1000\",\"caller\":[{\"dtmf\":\"1234\"}]}");
        JsonNode after = api.get(api.rootToken, "/v2/accounts/" + api.root.id() + "/export").data();
        assertThat(after).isEqualTo(before);
    }
}
