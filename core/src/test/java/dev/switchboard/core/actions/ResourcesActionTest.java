package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.call.BridgeEndpoint;
import dev.switchboard.core.call.Party;
import dev.switchboard.core.sim.MemoryDocuments;

class ResourcesActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    ResourcesActionTest() {
        docs.add("user", "u1", """
                {"first_name":"Ada","last_name":"L","caller_id":{"external":{"number":"+14155550101","name":"Ada L"},
                 "emergency":{"number":"+14155550911"}}}""");
        docs.add("device", "d1", "{\"name\":\"d1\",\"owner_id\":\"u1\",\"sip\":{\"username\":\"d1\"}}");
        docs.add("resource", "cheap", """
                {"name":"Cheap","weight_cost":10,"rules":["^\\\\+1(\\\\d{10})$"],
                 "gateways":[{"server":"gw1.cheap.example","prefix":"011","suffix":"#1"},
                             {"server":"gw2.cheap.example","port":5080},{"server":"off.example","enabled":false}]}""");
        docs.add("resource", "dear", """
                {"name":"Dear","weight_cost":90,"rules":["^\\\\+\\\\d+$"],
                 "gateways":[{"server":"dear.example","custom_sip_headers":{"X-Trunk":"dear"}}]}""");
        docs.add("resource", "emergency", """
                {"name":"E911","emergency":true,"weight_cost":1,"rules":["^(911)$"],"gateways":[{"server":"e911.example"}]}""");
        docs.add("resource", "system", """
                {"name":"System","global":true,"rules":["^\\\\+"],"gateways":[{"server":"sys.example"}]}""");
    }

    private TestCall.Result call(String number, String dataJson, String children) {
        return TestCall.in(docs).to(number).fromDevice("d1").flow("""
                {"module":"resources","data":%s,"children":%s}""".formatted(dataJson, children)).run();
    }

    @Test
    void carriersWhoseRulesMatchAreTriedCheapestFirstWithTheirDialStrings() {
        TestCall.Result r = call("4155550123", "{}", "{}");
        assertThat(r.bridge().strategy()).isEqualTo("single");
        assertThat(r.bridge().endpoints()).extracting(BridgeEndpoint::id, BridgeEndpoint::target).containsExactly(
                org.assertj.core.groups.Tuple.tuple("cheap", "sip:0114155550123#1@gw1.cheap.example"),
                org.assertj.core.groups.Tuple.tuple("cheap", "sip:4155550123@gw2.cheap.example:5080"),
                org.assertj.core.groups.Tuple.tuple("dear", "sip:+14155550123@dear.example"));
        assertThat(r.bridge().endpoints()).allMatch(e -> e.kind().equals("carrier") && e.timeout() == 60);
        assertThat(r.bridge().endpoints().get(2).headers()).containsEntry("X-Trunk", "dear");
        assertThat(r.bridge().callerId()).isEqualTo(new Party("+14155550101", "Ada L"));
        assertThat(r.outcome().end()).isEqualTo("bridged");
        assertThat(r.outcome().answeredBy()).isEqualTo("cheap");
    }

    @Test
    void theNextCarrierIsTriedWhenOneFails() {
        TestCall.Result r = TestCall.in(docs).to("4155550123").fromDevice("d1")
                .flow("{\"module\":\"resources\",\"data\":{}}").endpoint("cheap", "unavailable").run();
        assertThat(r.outcome().answeredBy()).isEqualTo("dear");
    }

    @Test
    void emergencyCarriersPresentTheEmergencyCallerId() {
        TestCall.Result r = call("911", "{}", "{}");
        assertThat(r.bridge().endpoints()).extracting(BridgeEndpoint::id).containsExactly("emergency");
        assertThat(r.bridge().callerId().number()).isEqualTo("+14155550911");
    }

    @Test
    void systemCarriersAreTheGlobalOnesAndOffnetAlwaysUsesThem() {
        assertThat(call("4155550123", "{\"use_local_resources\":false}", "{}").bridge().endpoints())
                .extracting(BridgeEndpoint::id).containsExactly("system");
        TestCall.Result offnet = TestCall.in(docs).to("4155550123").flow("""
                {"module":"offnet","data":{"use_local_resources":true}}""").run();
        assertThat(offnet.bridge().endpoints()).extracting(BridgeEndpoint::id).containsExactly("system");
    }

    @Test
    void flagsCallerIdRulesAndDisabledCarriersFilter() {
        docs.add("resource", "flagged", """
                {"name":"Flagged","weight_cost":5,"flags":["fax","intl"],"rules":["^\\\\+"],"gateways":[{"server":"f"}]}""");
        docs.add("resource", "picky", """
                {"name":"Picky","weight_cost":6,"require_flags":true,"rules":["^\\\\+"],"gateways":[{"server":"p"}]}""");
        docs.add("resource", "cidonly", """
                {"name":"CID","weight_cost":7,"cid_rules":["^\\\\+1415"],"rules":["^\\\\+"],"gateways":[{"server":"c"}]}""");
        docs.add("resource", "nocid", """
                {"name":"NoCID","weight_cost":8,"cid_rules":["^\\\\+44"],"rules":["^\\\\+"],"gateways":[{"server":"n"}]}""");
        docs.add("resource", "off", """
                {"name":"Off","enabled":false,"weight_cost":2,"rules":["^\\\\+"],"gateways":[{"server":"o"}]}""");
        // flags a call does not ask for do not keep a carrier out; require_flags does
        assertThat(call("4155550123", "{}", "{}").bridge().endpoints()).extracting(BridgeEndpoint::id)
                .containsExactly("flagged", "cidonly", "cheap", "cheap", "dear");
        assertThat(call("4155550123", "{\"outbound_flags\":[\"fax\"]}", "{}").bridge().endpoints())
                .extracting(BridgeEndpoint::id).containsExactly("flagged");
    }

    @Test
    void toDidAndHeadersWithMacros() {
        TestCall.Result r = call("1000", """
                {"to_did":"+442071234567","emit_account_id":true,
                 "custom_sip_headers":{"X-Billing":"{caller_id_number}","X-To":"{to_did}"}}""", "{}");
        BridgeEndpoint leg = r.bridge().endpoints().getFirst();
        assertThat(leg.target()).isEqualTo("sip:+442071234567@dear.example");
        assertThat(leg.headers()).containsEntry("X-Billing", "+14155550101").containsEntry("X-To", "+442071234567")
                .containsEntry("X-Account-ID", docs.accountId());
    }

    @Test
    void aFailureWithAChildTakesIt() {
        TestCall.Result r = TestCall.in(docs).to("4155550123").flow("""
                {"module":"resources","data":{},"children":{"USER_BUSY":{"module":"play","data":{"id":"busy"}}}}""")
                .endpoint("default", "busy").run();
        assertThat(r.path()).containsExactly("resources→USER_BUSY", "play→null");
    }

    @Test
    void aFailureWithoutAChildRespondsWithTheCauseAndStops() {
        TestCall.Result r = TestCall.in(docs).to("4155550123").flow("{\"module\":\"resources\",\"data\":{}}")
                .endpoint("default", "busy").run();
        assertThat(r.events()).contains("respond:486");
        assertThat(r.outcome().end()).isEqualTo("responded");
        assertThat(r.outcome().cause()).isEqualTo("486");
    }

    @Test
    void kazooQuirkTheUnderscoreChildOnlySuppressesTheResponseAndDoesNotRun() {
        TestCall.Result r = TestCall.in(docs).to("4155550123").flow("""
                {"module":"resources","data":{},"children":{"_":{"module":"play","data":{"id":"never"}}}}""")
                .endpoint("default", "busy").run();
        assertThat(r.path()).containsExactly("resources→null");
        assertThat(r.events()).doesNotContain("respond:486").contains("hangup:USER_BUSY");
        assertThat(r.outcome().cause()).isEqualTo("USER_BUSY");
    }

    @Test
    void noCarrierForTheNumberIsNoRouteDestination() {
        TestCall.Result r = TestCall.in(docs).to("12345").flow("""
                {"module":"resources","data":{"bypass_e164":true},
                 "children":{"NO_ROUTE_DESTINATION":{"module":"play","data":{"id":"no-route"}}}}""").run();
        assertThat(r.bridges()).isEmpty();
        assertThat(r.events()).contains("carriers:none:12345");
        assertThat(r.path()).containsExactly("resources→NO_ROUTE_DESTINATION", "play→null");
        TestCall.Result plain = TestCall.in(docs).to("12345").flow("{\"module\":\"resources\",\"data\":{}}").run();
        assertThat(plain.events()).contains("respond:404");
    }

    @Test
    void theCallersDialPlanShapesTheNumber() {
        docs.add("device", "d1", """
                {"name":"d1","owner_id":"u1","sip":{"username":"d1"},"dial_plan":{"^(\\\\d{7})$":{"prefix":"+1415"}}}""");
        assertThat(call("5550123", "{}", "{}").bridge().endpoints().getFirst().target())
                .isEqualTo("sip:0114155550123#1@gw1.cheap.example");
        assertThat(call("5550123", "{\"do_not_normalize\":true}", "{}").bridges()).isEmpty();
    }

    /** Re-targets the call, as disa does after the caller dialled a number. */
    private record Retarget(String number) implements dev.switchboard.core.engine.Action {
        @Override
        public String module() {
            return "test_retarget";
        }

        @Override
        public dev.switchboard.core.engine.Next execute(dev.switchboard.core.engine.ActionContext ctx,
                                                        tools.jackson.databind.JsonNode data) {
            ctx.state().request(number);
            return dev.switchboard.core.engine.Next.CONTINUE;
        }
    }

    @Test
    void aRetargetedCallDialsItsNewNumber() {
        TestCall.Result r = TestCall.in(docs).to("*1").with(new Retarget("4155550199")).flow("""
                {"module":"test_retarget","data":{},"children":{"_":{"module":"resources","data":{}}}}""").run();
        assertThat(r.bridge().endpoints().getFirst().target()).isEqualTo("sip:0114155550199#1@gw1.cheap.example");
    }
}
