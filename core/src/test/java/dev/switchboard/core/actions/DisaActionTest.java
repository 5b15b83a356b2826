package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.doc.Json;
import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;
import tools.jackson.databind.node.ObjectNode;

class DisaActionTest {
    private final MemoryDocuments docs = account("{}");

    private static MemoryDocuments account(String extra) {
        ObjectNode account = (ObjectNode) Json.parse("""
                {"name":"test","timezone":"America/New_York",
                 "caller_id":{"external":{"number":"+14155550000","name":"Acme"}}}""");
        account.setAll((ObjectNode) Json.parse(extra));
        MemoryDocuments docs = new MemoryDocuments(account);
        docs.add("callflow", "ext", "{\"numbers\":[\"2001\"],\"flow\":{\"module\":\"play\",\"data\":{\"id\":\"ext\"}}}");
        docs.add("callflow", "us", """
                {"numbers":["+14155551234"],"flow":{"module":"play","data":{"id":"us"}}}""");
        return docs;
    }

    private static String disa(String data) {
        return "{\"module\":\"disa\",\"data\":" + data
                + ",\"children\":{\"_\":{\"module\":\"play\",\"data\":{\"id\":\"after\"}}}}";
    }

    @Test
    void withoutAPinTheCallerDialsAtTheDialTone() {
        SimulationResult r = Sim.in(docs).flow(disa("{}")).caller("[{\"wait_ms\": 1000}, {\"dtmf\": \"2001\"}]").run();
        assertThat(Sim.events(r)).startsWith("answer", "play:tone:[350,440]", "collect:2001", "caller_id:+14155550000",
                "disa:dial:2001", "play:media:ext");
        assertThat(r.steps().get(1).path()).isEqualTo("callflow:ext/flow");
        assertThat(Sim.path(r)).containsExactly("disa→null", "play→null", "play→null");
    }

    @Test
    void theRightPinOpensTheDialTone() {
        SimulationResult r = Sim.in(docs).flow(disa("{\"pin\":\"1234\"}"))
                .caller("[{\"wait_ms\": 500}, {\"dtmf\": \"9999#\"}, {\"wait_ms\": 2000}, {\"dtmf\": \"1234#\"},"
                        + " {\"wait_ms\": 1000}, {\"dtmf\": \"2001#\"}]").run();
        assertThat(Sim.events(r)).containsSubsequence("play:prompt:disa-enter_pin", "collect:9999", "disa:invalid_pin",
                "play:prompt:disa-invalid_pin", "play:prompt:disa-enter_pin", "collect:1234", "play:tone:[350,440]",
                "collect:2001", "disa:dial:2001", "play:media:ext");
    }

    @Test
    void threeWrongPinsEndTheCall() {
        SimulationResult r = Sim.in(docs).flow(disa("{\"pin\":\"1234\"}")).caller("[{\"wait_ms\": 60000}]").run();
        assertThat(Sim.events(r).stream().filter(e -> e.equals("disa:invalid_pin")).count()).isEqualTo(3);
        assertThat(Sim.events(r)).endsWith("disa:pin_retries_exceeded", "play:prompt:disa-retries_exceeded",
                "hangup:NORMAL_CLEARING");
        assertThat(Sim.path(r)).containsExactly("disa→null");
    }

    @Test
    void theNumberIsNormalisedAndBecomesWhatTheCallIsFor() {
        FlowRun.Result r = FlowRun.in(docs).flow(disa("{}")).caller("[{\"wait_ms\": 1000}, {\"dtmf\": \"4155551234#\"}]")
                .run();
        assertThat(r.events()).contains("disa:dial:+14155551234", "play:media:us");
        assertThat(r.state().request()).isEqualTo("+14155551234");
        assertThat(r.state().variables()).containsEntry("Retain-CID", "true");
        assertThat(r.call().callerId().number()).isEqualTo("+14155550000");
        assertThat(r.call().callerId().name()).isEqualTo("Acme");
    }

    @Test
    void aNumberNoCallflowTakesSpendsARetryThenTheFlowContinues() {
        SimulationResult r = Sim.in(docs).flow(disa("{\"retries\":2}"))
                .caller("[{\"dtmf\": \"999#\"}, {\"wait_ms\": 3000}, {\"dtmf\": \"999#\"}]").run();
        assertThat(Sim.events(r)).containsSubsequence("collect:999", "disa:no_callflow:999",
                "play:prompt:disa-invalid_extension", "play:tone:[350,440]", "collect:999", "disa:no_callflow:999",
                "play:prompt:disa-invalid_extension", "disa:retries_exceeded", "play:media:after");
        assertThat(Sim.path(r)).containsExactly("disa→_", "play→null");
    }

    @Test
    void theAccountsNoMatchCallflowTakesOutsideNumbers() {
        docs.add("callflow", "out", "{\"numbers\":[\"no_match\"],\"flow\":{\"module\":\"play\",\"data\":{\"id\":\"out\"}}}");
        SimulationResult r = Sim.in(docs).flow(disa("{}")).fromCarrier()
                .caller("[{\"dtmf\": \"4155550199#\"}]").run();
        assertThat(Sim.events(r)).contains("disa:dial:+14155550199", "play:media:out");
    }

    @Test
    void silenceSpendsARetryToo() {
        SimulationResult r = Sim.in(docs).flow(disa("{}")).caller("[{\"wait_ms\": 60000}]").run();
        assertThat(Sim.events(r).stream().filter(e -> e.equals("disa:no_number")).count()).isEqualTo(3);
        assertThat(Sim.path(r)).containsExactly("disa→_", "play→null");
        assertThat(r.steps().get(1).tMs()).isEqualTo(3 * (10_000 + 5000));
    }

    @Test
    void ringingCanReplaceTheDialTone() {
        SimulationResult r = Sim.in(docs)
                .flow(disa("{\"retries\":1,\"preconnect_audio\":\"ringing\",\"ring_repeat_count\":2}"))
                .caller("[{\"wait_ms\": 60000}]").run();
        assertThat(Sim.events(r)).startsWith("answer", "play:tone:[440,480]", "collect:");
        assertThat(r.steps().get(1).tMs()).isEqualTo(2 * 6000 + 5000);
    }

    @Test
    void theCallerCanKeepTheirOwnCallerId() {
        SimulationResult r = Sim.in(docs).flow(disa("{\"use_account_caller_id\":false}"))
                .caller("[{\"dtmf\": \"2001#\"}]").run();
        assertThat(Sim.events(r)).contains("caller_id:+15555550100").doesNotContain("caller_id:+14155550000");
    }

    @Test
    void aNumberOfAClassTheAccountDeniesIsRefused() {
        MemoryDocuments restricted = account("{\"call_restriction\":{\"international\":{\"action\":\"deny\"}}}");
        restricted.add("callflow", "out", "{\"numbers\":[\"no_match\"],\"flow\":{\"module\":\"play\",\"data\":{\"id\":\"out\"}}}");
        SimulationResult r = Sim.in(restricted).flow(disa("{\"enforce_call_restriction\":true}"))
                .caller("[{\"dtmf\": \"011442071234567#\"}]").run();
        assertThat(Sim.events(r)).containsSubsequence("collect:011442071234567", "disa:restricted:international",
                "play:prompt:cf-unauthorized_call", "hangup:NORMAL_CLEARING");
        assertThat(Sim.events(r)).doesNotContain("play:media:out", "play:media:after");
        assertThat(Sim.path(r)).containsExactly("disa→null");
        SimulationResult unenforced = Sim.in(restricted).flow(disa("{}"))
                .caller("[{\"dtmf\": \"011442071234567#\"}]").run();
        assertThat(Sim.events(unenforced)).contains("disa:dial:+442071234567", "play:media:out");
    }

    @Test
    void aCallerWhoHangsUpDuringThePinEndsTheCall() {
        SimulationResult r = Sim.in(docs).flow(disa("{\"pin\":\"1234\"}"))
                .caller("[{\"dtmf\": \"12\"}, {\"hangup\": true}]").run();
        assertThat(Sim.path(r)).containsExactly("disa→null");
        assertThat(r.outcome().end()).isEqualTo("hangup");
    }
}
