package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.call.Party;
import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class DynamicCidActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    private void featureCode(String pattern, String data) {
        docs.add("callflow", "feature", """
                {"patterns":["%s"],"flow":{"module":"dynamic_cid","data":%s,
                 "children":{"_":{"module":"play","data":{"id":"next"}}}}}
                """.formatted(pattern, data));
    }

    private void outbound() {
        docs.add("callflow", "out", "{\"numbers\":[\"no_match\"],\"flow\":{\"module\":\"play\",\"data\":{\"id\":\"dial-out\"}}}");
    }

    private void salesList(String listJson) {
        docs.add("list", "lines", listJson);
        docs.add("list_entry", null, """
                {"list_id":"lines","capture_group_key":"01","name":"Sales","number":"+14155550000"}
                """);
        docs.add("list_entry", null, """
                {"list_id":"lines","capture_group_key":"002","capture_group_length":3,"name":"Support","number":"+14155550002"}
                """);
    }

    @Test
    void manualTakesTheNumberTheCallerKeysIn() {
        LiveSim call = LiveSim.in(docs).caller("[{\"wait_ms\":2500},{\"dtmf\":\"4155550123\"}]").flow("""
                {"module":"dynamic_cid","data":{},"children":{"_":{"module":"play","data":{"id":"next"}}}}
                """);
        SimulationResult r = call.run();
        assertThat(Sim.path(r)).containsExactly("dynamic_cid→_", "play→null");
        assertThat(Sim.events(r)).containsSubsequence("answer", "play:silence:100", "play:prompt:dynamic-cid-enter_cid",
                "collect:4155550123", "play:url:tone_stream://%(250,50,440)", "dynamic_cid:4155550123",
                "caller_id:4155550123");
        assertThat(call.presentedCallerId()).isEqualTo(new Party("4155550123", "Test Caller"));
    }

    @Test
    void manualRejectsTooFewDigitsAndKeepsTheNumber() {
        LiveSim call = LiveSim.in(docs).caller("[{\"dtmf\":\"123\"}]").flow("""
                {"module":"dynamic_cid","data":{"media_id":"enter-cid","min_digits":4},"children":{"_":{"module":"play","data":{"id":"next"}}}}
                """);
        SimulationResult r = call.run();
        assertThat(Sim.events(r)).containsSubsequence("play:media:enter-cid", "collect:123",
                "play:prompt:dynamic-cid-invalid_using_default", "dynamic_cid:+15555550100");
        assertThat(call.presentedCallerId().number()).isEqualTo("+15555550100");
    }

    @Test
    void manualRejectsWhatTheWhitelistDoesNot() {
        SimulationResult r = Sim.in(docs).caller("[{\"dtmf\":\"5551234\"}]").flow("""
                {"module":"dynamic_cid","data":{"min_digits":7,"max_digits":7,"whitelist_regex":"^4"}}
                """).run();
        assertThat(Sim.events(r)).contains("play:prompt:dynamic-cid-invalid_using_default", "dynamic_cid:+15555550100");
    }

    @Test
    void staticUsesTheCallerIdGiven() {
        LiveSim call = LiveSim.in(docs).flow("""
                {"module":"dynamic_cid","data":{"action":"static","caller_id":{"name":"Main","number":"+14155550000"}}}
                """);
        SimulationResult r = call.run();
        assertThat(Sim.events(r)).contains("dynamic_cid:+14155550000", "caller_id:+14155550000");
        assertThat(call.presentedCallerId()).isEqualTo(new Party("+14155550000", "Main"));
    }

    @Test
    void staticWithoutANumberKeepsTheCurrentOne() {
        LiveSim call = LiveSim.in(docs).flow("{\"module\":\"dynamic_cid\",\"data\":{\"action\":\"static\",\"caller_id\":{\"name\":\"Main\"}}}");
        SimulationResult r = call.run();
        assertThat(Sim.events(r)).contains("play:prompt:dynamic-cid-invalid_using_default");
        assertThat(call.presentedCallerId()).isEqualTo(new Party("+15555550100", "Main"));
    }

    @Test
    void theCaptureGroupBecomesTheNumberDialledOnwards() {
        docs.add("callflow", "feature", """
                {"patterns":["^\\\\*69(\\\\d+)$"],"flow":{"module":"dynamic_cid",
                 "data":{"action":"static","caller_id":{"number":"+14155550000"}},
                 "children":{"_":{"module":"webhook","data":{"uri":"http://hooks.example/cid"}}}}}
                """);
        LiveSim call = LiveSim.in(docs).to("*694158867900");
        SimulationResult r = call.run();
        assertThat(Sim.path(r)).containsExactly("dynamic_cid→_", "webhook→null");
        assertThat(call.requests().getFirst().body()).contains("caller_id_number=%2B14155550000",
                "request=%2B14158867900");
    }

    @Test
    void listTakesTheCallerIdOfTheEntryTheKeyNamesAndDialsTheRest() {
        salesList("{\"name\":\"Lines\"}");
        outbound();
        featureCode("^\\\\*99(\\\\d+)$", "{\"action\":\"list\",\"id\":\"lines\"}");
        SimulationResult r = Sim.in(docs).to("*99014155550123").run();
        assertThat(Sim.path(r)).containsExactly("dynamic_cid→null", "play→null", "play→null");
        assertThat(r.steps().get(1).path()).isEqualTo("callflow:out/flow");
        assertThat(Sim.events(r)).containsSubsequence("dynamic_cid:+14155550000", "caller_id:+14155550000", "hunt:out",
                "play:media:dial-out", "play:media:next");
    }

    @Test
    void listHonoursAnEntrysOwnKeyLength() {
        salesList("{\"name\":\"Lines\"}");
        outbound();
        featureCode("^\\\\*99(\\\\d+)$", "{\"action\":\"list\",\"id\":\"lines\"}");
        SimulationResult r = Sim.in(docs).to("*990024155550123").run();
        assertThat(Sim.events(r)).contains("dynamic_cid:+14155550002", "hunt:out");
    }

    @Test
    void listsTakeTheKeyLengthFromTheList() {
        salesList("{\"name\":\"Lines\",\"length\":3}");
        outbound();
        featureCode("^\\\\*99(\\\\d+)$", "{\"action\":\"lists\",\"id\":\"lines\"}");
        SimulationResult r = Sim.in(docs).to("*990024155550123").run();
        assertThat(Sim.events(r)).contains("dynamic_cid:+14155550002", "hunt:out");
        SimulationResult twoDigitKey = Sim.in(docs).to("*99014155550123").run();
        assertThat(Sim.events(twoDigitKey)).contains("dynamic_cid:no_entry", "dynamic_cid:+15555550100");
    }

    @Test
    void aNamedCaptureGroupCanHoldTheKey() {
        salesList("{\"name\":\"Lines\"}");
        outbound();
        featureCode("^\\\\*99(?<line>\\\\d{2})\\\\*(\\\\d{10,})$", "{\"action\":\"list\",\"id\":\"lines\",\"idx_name\":\"line\"}");
        SimulationResult r = Sim.in(docs).to("*9901*4155550123").run();
        assertThat(Sim.events(r)).contains("dynamic_cid:+14155550000", "hunt:out", "play:media:dial-out");
    }

    @Test
    void aDestinationWithItsOwnCallflowNeedsPermission() {
        salesList("{\"name\":\"Lines\"}");
        outbound();
        docs.add("callflow", "ext", "{\"numbers\":[\"1001\"],\"flow\":{\"module\":\"play\",\"data\":{\"id\":\"ext\"}}}");
        featureCode("^\\\\*99(\\\\d+)$", "{\"action\":\"list\",\"id\":\"lines\"}");
        SimulationResult refused = Sim.in(docs).to("*99011001").run();
        assertThat(Sim.path(refused)).containsExactly("dynamic_cid→null");
        assertThat(Sim.events(refused)).contains("hunt:not_found:1001", "play:prompt:disa-invalid_extension");
        featureCode("^\\\\*99(\\\\d+)$", "{\"action\":\"list\",\"id\":\"lines\",\"permit_custom_callflow\":true}");
        assertThat(Sim.events(Sim.in(docs).to("*99011001").run())).contains("hunt:ext", "play:media:ext");
    }

    @Test
    void theCallersRestrictionsApply() {
        salesList("{\"name\":\"Lines\"}");
        outbound();
        docs.add("device", "d1", "{\"name\":\"desk\",\"call_restriction\":{\"did_us\":{\"action\":\"deny\"}}}");
        featureCode("^\\\\*99(\\\\d+)$", "{\"action\":\"list\",\"id\":\"lines\"}");
        SimulationResult r = Sim.in(docs).to("*99014155550123").fromDevice("d1").run();
        assertThat(Sim.path(r)).containsExactly("dynamic_cid→null");
        assertThat(Sim.events(r)).contains("restricted:did_us", "play:prompt:cf-unauthorized_call");
        featureCode("^\\\\*99(\\\\d+)$", "{\"action\":\"list\",\"id\":\"lines\",\"enforce_call_restriction\":false}");
        assertThat(Sim.events(Sim.in(docs).to("*99014155550123").fromDevice("d1").run())).contains("hunt:out");
    }

    @Test
    void aMissingListCannotBeDialled() {
        featureCode("^\\\\*99(\\\\d+)$", "{\"action\":\"list\",\"id\":\"gone\"}");
        SimulationResult r = Sim.in(docs).to("*99014155550123").run();
        assertThat(Sim.path(r)).containsExactly("dynamic_cid→null");
        assertThat(Sim.events(r)).contains("play:prompt:fault-can_not_be_completed_as_dialed");
    }

    @Test
    void aKeyWithoutADestinationContinues() {
        salesList("{\"name\":\"Lines\"}");
        featureCode("^\\\\*99(\\\\d+)$", "{\"action\":\"list\",\"id\":\"lines\"}");
        SimulationResult r = Sim.in(docs).to("*9901").run();
        assertThat(Sim.path(r)).containsExactly("dynamic_cid→_", "play→null");
        assertThat(Sim.events(r)).contains("dynamic_cid:+14155550000");
    }

    @Test
    void aCarrierCallCannotDialOutThroughNoMatch() {
        salesList("{\"name\":\"Lines\"}");
        outbound();
        featureCode("^\\\\*99(\\\\d+)$", "{\"action\":\"list\",\"id\":\"lines\"}");
        SimulationResult r = Sim.in(docs).to("*99014155550123").fromCarrier().run();
        assertThat(Sim.events(r)).contains("play:prompt:disa-invalid_extension").doesNotContain("hunt:out");
    }

    @Test
    void listWithoutACaptureGroupAsksTheCaller() {
        SimulationResult r = Sim.in(docs).caller("[{\"dtmf\":\"4155550123\"}]")
                .flow("{\"module\":\"dynamic_cid\",\"data\":{\"action\":\"list\",\"id\":\"lines\"}}").run();
        assertThat(Sim.events(r)).contains("play:prompt:dynamic-cid-enter_cid", "dynamic_cid:4155550123");
    }
}
