package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.call.BridgeEndpoint;
import dev.switchboard.core.call.BridgeRequest;
import dev.switchboard.core.call.Party;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import dev.switchboard.core.sim.MemoryDocuments;
import tools.jackson.databind.JsonNode;

/** The endpoint builder (spec §5.4) and caller IDs (§5.5), through the device and user actions. */
class EndpointsTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    EndpointsTest() {
        docs.add("user", "u1", """
                {"first_name":"Ada","last_name":"Lovelace","caller_id":{"internal":{"number":"1001"},
                 "external":{"number":"+14155550101","name":"Ada L"}}}""");
        docs.add("user", "u2", """
                {"first_name":"Bob","last_name":"Byrne","caller_id":{"internal":{"number":"1002"}}}""");
        docs.add("device", "d1", """
                {"name":"Ada desk","owner_id":"u1","sip":{"username":"ada-desk"},"custom_sip_headers":{"X-Desk":"1"}}""");
        docs.add("device", "d2", """
                {"name":"Ada soft","owner_id":"u1","sip":{"username":"ada-soft"}}""");
        docs.add("device", "d3", """
                {"name":"Bob desk","owner_id":"u2","sip":{"username":"bob-desk"}}""");
    }

    private TestCall.Result device(String dataJson) {
        return TestCall.in(docs).flow("""
                {"module":"device","data":%s,"children":{
                  "USER_BUSY":{"module":"play","data":{"id":"busy"}},
                  "_":{"module":"play","data":{"id":"fallback"}}}}""".formatted(dataJson)).fromDevice("d3").run();
    }

    @Test
    void aDeviceRingsAsItsSipUserWithTheDataDelayTimeoutAndHeaders() {
        TestCall.Result r = device("""
                {"id":"d1","delay":2,"timeout":15,"custom_sip_headers":{"X-Flow":"yes"}}""");
        BridgeRequest request = r.bridge();
        assertThat(request.endpoints()).containsExactly(new BridgeEndpoint("device", "d1", "u1", null, "ada-desk", 2, 15,
                java.util.Map.of("X-Desk", "1", "X-Flow", "yes")));
        assertThat(request.timeout()).isEqualTo(15);
        assertThat(request.strategy()).isEqualTo("simultaneous");
        assertThat(r.path()).containsExactly("device→null");
        assertThat(r.outcome().end()).isEqualTo("bridged");
        assertThat(r.outcome().answeredBy()).isEqualTo("d1");
        assertThat(r.events()).contains("bridge:d1:answered");
    }

    @Test
    void aDeviceTimeoutOfZeroOrNoneIsTwentySeconds() {
        assertThat(device("{\"id\":\"d1\",\"timeout\":0}").bridge().endpoints().getFirst().timeout()).isEqualTo(20);
        assertThat(device("{\"id\":\"d1\"}").bridge().timeout()).isEqualTo(20);
    }

    @Test
    void staticInviteReplacesTheSipUser() {
        assertThat(device("{\"id\":\"d1\",\"static_invite\":\"front-desk\"}").bridge().endpoints().getFirst().target())
                .isEqualTo("front-desk");
    }

    @Test
    void failuresGoToTheCauseChildElseUnderscore() {
        TestCall.Result busy = TestCall.in(docs).flow("""
                {"module":"device","data":{"id":"d1"},"children":{"USER_BUSY":{"module":"play","data":{"id":"busy"}},
                 "_":{"module":"play","data":{"id":"fallback"}}}}""").endpoint("d1", "busy").run();
        assertThat(busy.path()).containsExactly("device→USER_BUSY", "play→null");
        TestCall.Result bySipCode = TestCall.in(docs).flow("""
                {"module":"device","data":{"id":"d1"},"children":{"sip:480":{"module":"play","data":{"id":"na"}},
                 "_":{"module":"play","data":{"id":"fallback"}}}}""").endpoint("d1", "no_answer").run();
        assertThat(bySipCode.path()).containsExactly("device→sip:480", "play→null");
        TestCall.Result neither = TestCall.in(docs).flow("""
                {"module":"device","data":{"id":"d1"},"children":{"USER_BUSY":{"module":"play","data":{"id":"busy"}},
                 "_":{"module":"play","data":{"id":"fallback"}}}}""").endpoint("u1", "reject").run();
        assertThat(neither.path()).containsExactly("device→_", "play→null");
        assertThat(neither.outcome().end()).isEqualTo("hangup");
    }

    @Test
    void refusedEndpointsRingNothingAndSayWhyInTheTrace() {
        docs.add("device", "off", "{\"name\":\"off\",\"enabled\":false,\"sip\":{\"username\":\"off\"}}");
        docs.add("device", "dnd", "{\"name\":\"dnd\",\"do_not_disturb\":{\"enabled\":true},\"sip\":{\"username\":\"dnd\"}}");
        docs.add("user", "away", "{\"first_name\":\"A\",\"last_name\":\"Way\",\"do_not_disturb\":{\"enabled\":true}}");
        docs.add("device", "owned-by-away", "{\"name\":\"x\",\"owner_id\":\"away\",\"sip\":{\"username\":\"x\"}}");
        docs.add("user", "gone", "{\"first_name\":\"G\",\"last_name\":\"One\",\"enabled\":false}");
        docs.add("device", "owned-by-gone", "{\"name\":\"y\",\"owner_id\":\"gone\",\"sip\":{\"username\":\"y\"}}");
        for (String[] c : new String[][] {{"off", "endpoint_disabled"}, {"dnd", "do_not_disturb"},
                {"owned-by-away", "do_not_disturb"}, {"owned-by-gone", "endpoint_disabled"}, {"nope", "not_found"}}) {
            TestCall.Result r = device("{\"id\":\"" + c[0] + "\"}");
            assertThat(r.bridges()).as(c[0]).isEmpty();
            assertThat(r.path()).as(c[0]).containsExactly("device→_", "play→null");
            assertThat(r.events()).as(c[0]).contains("endpoint:" + c[0] + ":" + c[1]);
        }
    }

    @Test
    void accountWideDoNotDisturbRefusesEveryone() {
        docs.account().body().putObject("do_not_disturb").put("enabled", true);
        assertThat(device("{\"id\":\"d1\"}").events()).contains("endpoint:d1:do_not_disturb");
    }

    @Test
    void callingYourselfIsRefusedUnlessCanCallSelf() {
        TestCall.Result self = TestCall.in(docs).flow("{\"module\":\"device\",\"data\":{\"id\":\"d1\"}}")
                .fromDevice("d1").run();
        assertThat(self.events()).contains("endpoint:d1:owner_called_self");
        TestCall.Result sameOwner = TestCall.in(docs).flow("{\"module\":\"user\",\"data\":{\"id\":\"u1\"}}")
                .fromDevice("d1").run();
        assertThat(sameOwner.events()).contains("endpoint:d1:owner_called_self", "endpoint:d2:owner_called_self");
        docs.add("device", "lobby", "{\"name\":\"lobby\",\"sip\":{\"username\":\"lobby\"}}");
        TestCall.Result ownerless = TestCall.in(docs).flow("{\"module\":\"device\",\"data\":{\"id\":\"lobby\"}}")
                .fromDevice("lobby").run();
        assertThat(ownerless.events()).contains("endpoint:lobby:endpoint_called_self");
        TestCall.Result allowed = TestCall.in(docs).flow("""
                {"module":"user","data":{"id":"u1","can_call_self":true}}""").fromDevice("d1").run();
        assertThat(allowed.bridge().endpoints()).extracting(BridgeEndpoint::id).containsExactly("d1", "d2");
    }

    @Test
    void aUserRingsAllItsDevicesInIdOrder() {
        TestCall.Result r = TestCall.in(docs).flow("""
                {"module":"user","data":{"id":"u1","strategy":"single","delay":1}}""").fromDevice("d3").run();
        BridgeRequest request = r.bridge();
        assertThat(request.endpoints()).extracting(BridgeEndpoint::id).containsExactly("d1", "d2");
        assertThat(request.endpoints()).allMatch(e -> e.delay() == 1 && e.timeout() == 20 && e.ownerId().equals("u1"));
        assertThat(request.strategy()).isEqualTo("single");
    }

    @Test
    void aUserWithoutDevicesGoesOn() {
        docs.add("user", "u9", "{\"first_name\":\"N\",\"last_name\":\"O\"}");
        TestCall.Result r = TestCall.in(docs).flow("""
                {"module":"user","data":{"id":"u9"},"children":{"_":{"module":"play","data":{"id":"vm"}}}}""").run();
        assertThat(r.path()).containsExactly("user→_", "play→null");
    }

    @Test
    void aHotDeskedDeviceRingsOnlyForItsHotDeskedUsers() {
        docs.add("device", "d3", """
                {"name":"Bob desk","owner_id":"u2","sip":{"username":"bob-desk"},"hotdesk":{"users":{"u1":{}}}}""");
        TestCall.Result ada = TestCall.in(docs).flow("{\"module\":\"user\",\"data\":{\"id\":\"u1\"}}").run();
        assertThat(ada.bridge().endpoints()).extracting(BridgeEndpoint::id).containsExactly("d1", "d2", "d3");
        assertThat(ada.bridge().endpoints().get(2).ownerId()).isEqualTo("u1");
        TestCall.Result bob = TestCall.in(docs).flow("{\"module\":\"user\",\"data\":{\"id\":\"u2\"}}").run();
        assertThat(bob.bridges()).isEmpty();
        assertThat(bob.path()).containsExactly("user→null");
    }

    @Test
    void callForwardSubstituteRingsTheNumberInsteadOfTheDevice() {
        docs.add("user", "u1", """
                {"first_name":"Ada","last_name":"Lovelace","caller_id":{"external":{"number":"+14155550101"}},
                 "call_forward":{"enabled":true,"number":"+14155559999","substitute":true,"require_keypress":true}}""");
        TestCall.Result r = device("{\"id\":\"d1\",\"delay\":3,\"timeout\":25}");
        BridgeEndpoint leg = r.bridge().endpoints().getFirst();
        assertThat(r.bridge().endpoints()).hasSize(1);
        assertThat(leg.kind()).isEqualTo("number");
        assertThat(leg.id()).isEqualTo("+14155559999");
        assertThat(leg.target()).isEqualTo("+14155559999");
        assertThat(leg.delay()).isEqualTo(3);
        assertThat(leg.timeout()).isEqualTo(25);
        assertThat(leg.requireKeypress()).isTrue();
        assertThat(r.bridge().ignoreEarlyMedia()).isTrue();
        assertThat(r.outcome().answeredBy()).isEqualTo("+14155559999");
    }

    @Test
    void callForwardWithoutSubstituteRingsBoth() {
        docs.add("device", "d1", """
                {"name":"Ada desk","owner_id":"u1","sip":{"username":"ada-desk"},
                 "call_forward":{"enabled":true,"number":"5551234","substitute":false,"require_keypress":false}}""");
        TestCall.Result r = device("{\"id\":\"d1\"}");
        assertThat(r.bridge().endpoints()).extracting(BridgeEndpoint::kind, BridgeEndpoint::id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("device", "d1"),
                        org.assertj.core.groups.Tuple.tuple("number", "5551234"));
        assertThat(r.bridge().endpoints().get(1).requireKeypress()).isFalse();
    }

    @Test
    void aDisabledOrNumberlessForwardIsIgnored() {
        docs.add("device", "d1", """
                {"name":"Ada desk","owner_id":"u1","sip":{"username":"ada-desk"},
                 "call_forward":{"enabled":false,"number":"5551234"}}""");
        docs.add("device", "d2", """
                {"name":"Ada soft","owner_id":"u1","sip":{"username":"ada-soft"},"call_forward":{"enabled":true}}""");
        assertThat(device("{\"id\":\"d1\"}").bridge().endpoints()).extracting(BridgeEndpoint::id).containsExactly("d1");
        assertThat(device("{\"id\":\"d2\"}").bridge().endpoints()).extracting(BridgeEndpoint::id).containsExactly("d2");
    }

    @Test
    void theDevicesOwnEnabledForwardWinsOverTheUsers() {
        docs.add("user", "u1", """
                {"first_name":"Ada","last_name":"Lovelace","call_forward":{"enabled":true,"number":"5550001"}}""");
        docs.add("device", "d1", """
                {"name":"Ada desk","owner_id":"u1","sip":{"username":"ada-desk"},
                 "call_forward":{"enabled":true,"number":"5550002"}}""");
        assertThat(device("{\"id\":\"d1\"}").bridge().endpoints()).extracting(BridgeEndpoint::id)
                .containsExactly("5550002");
        assertThat(device("{\"id\":\"d2\"}").bridge().endpoints()).extracting(BridgeEndpoint::id)
                .containsExactly("5550001");
    }

    @Test
    void twoDevicesForwardedToOneNumberRingItOnce() {
        docs.add("user", "u1", """
                {"first_name":"Ada","last_name":"Lovelace","call_forward":{"enabled":true,"number":"5550001",
                 "substitute":false}}""");
        TestCall.Result r = TestCall.in(docs).flow("{\"module\":\"user\",\"data\":{\"id\":\"u1\"}}").run();
        assertThat(r.bridge().endpoints()).extracting(BridgeEndpoint::id).containsExactly("d1", "5550001", "d2");
    }

    @Test
    void directCallsOnlyForwardsSkipRingGroups() {
        docs.add("user", "u1", """
                {"first_name":"Ada","last_name":"Lovelace",
                 "call_forward":{"enabled":true,"number":"5550001","direct_calls_only":true}}""");
        assertThat(device("{\"id\":\"d1\"}").bridge().endpoints()).extracting(BridgeEndpoint::id)
                .containsExactly("5550001");
        TestCall.Result group = TestCall.in(docs).flow("""
                {"module":"ring_group","data":{"endpoints":[{"id":"d1","endpoint_type":"device"}]}}""").run();
        assertThat(group.bridge().endpoints()).extracting(BridgeEndpoint::id).containsExactly("d1");
    }

    @Test
    void aFailoverForwardIsDialledOnlyWhenTheDeviceIsUnreachable() {
        docs.add("device", "d1", """
                {"name":"Ada desk","owner_id":"u1","sip":{"username":"ada-desk"},
                 "call_forward":{"failover":true,"number":"5550003"}}""");
        TestCall.Result reachable = device("{\"id\":\"d1\"}");
        BridgeEndpoint leg = reachable.bridge().endpoints().getFirst();
        assertThat(reachable.bridge().endpoints()).hasSize(1);
        assertThat(leg.id()).isEqualTo("d1");
        assertThat(leg.failover().kind()).isEqualTo("number");
        assertThat(leg.failover().target()).isEqualTo("5550003");
        assertThat(reachable.outcome().answeredBy()).isEqualTo("d1");

        TestCall.Result unreachable = TestCall.in(docs).flow("{\"module\":\"device\",\"data\":{\"id\":\"d1\"}}")
                .endpoint("d1", "unavailable").run();
        assertThat(unreachable.events()).contains("bridge:d1:failover:5550003:answered");
        assertThat(unreachable.outcome().answeredBy()).isEqualTo("5550003");
    }

    @Test
    void onNetCallersShowTheirInternalCallerIdWithTheUsersNameByDefault() {
        TestCall.Result r = TestCall.in(docs).flow("{\"module\":\"device\",\"data\":{\"id\":\"d3\"}}").fromDevice("d1")
                .run();
        assertThat(r.bridge().callerId()).isEqualTo(new Party("1001", "Ada Lovelace"));
    }

    @Test
    void theUsersCallerIdWinsOverTheDevicesUnlessTheAccountPrefersDevices() {
        docs.add("device", "d1", """
                {"name":"Ada desk","owner_id":"u1","sip":{"username":"ada-desk"},
                 "caller_id":{"internal":{"number":"1999","name":"Desk"}}}""");
        Party byUser = TestCall.in(docs).flow("{\"module\":\"device\",\"data\":{\"id\":\"d3\"}}").fromDevice("d1").run()
                .bridge().callerId();
        assertThat(byUser).isEqualTo(new Party("1001", "Ada Lovelace"));
        docs.account().body().put("prefer_device_caller_id", true);
        Party byDevice = TestCall.in(docs).flow("{\"module\":\"device\",\"data\":{\"id\":\"d3\"}}").fromDevice("d1").run()
                .bridge().callerId();
        assertThat(byDevice).isEqualTo(new Party("1999", "Desk"));
    }

    @Test
    void offNetCallersKeepTheirCallerIdAndSuppressClidHidesIt() {
        TestCall.Result outside = TestCall.in(docs).flow("{\"module\":\"device\",\"data\":{\"id\":\"d1\"}}")
                .fromCarrier().from("+12125550000", "NYC").run();
        assertThat(outside.bridge().callerId()).isEqualTo(new Party("+12125550000", "NYC"));
        TestCall.Result hidden = TestCall.in(docs).flow("""
                {"module":"device","data":{"id":"d1","suppress_clid":true}}""").fromCarrier().run();
        assertThat(hidden.bridge().endpoints().getFirst().callerId()).isEqualTo(CallerIds.ANONYMOUS);
    }

    @Test
    void aForwardLegShowsTheCallerOrTheForwardingUser() {
        docs.add("user", "u2", """
                {"first_name":"Bob","last_name":"Byrne","caller_id":{"internal":{"number":"1002"},
                 "external":{"number":"+14155550102","name":"Bob B"}},
                 "call_forward":{"enabled":true,"number":"+14155559999","keep_caller_id":true}}""");
        BridgeEndpoint kept = TestCall.in(docs).flow("{\"module\":\"device\",\"data\":{\"id\":\"d3\"}}").fromDevice("d1")
                .run().bridge().endpoints().getFirst();
        assertThat(kept.callerId()).isEqualTo(new Party("+14155550101", "Ada L"));
        BridgeEndpoint keptOffNet = TestCall.in(docs).flow("{\"module\":\"device\",\"data\":{\"id\":\"d3\"}}")
                .fromCarrier().from("+12125550000", "NYC").run().bridge().endpoints().getFirst();
        assertThat(keptOffNet.callerId()).isEqualTo(new Party("+12125550000", "NYC"));
        docs.add("user", "u2", """
                {"first_name":"Bob","last_name":"Byrne","caller_id":{"external":{"number":"+14155550102","name":"Bob B"}},
                 "call_forward":{"enabled":true,"number":"+14155559999","keep_caller_id":false}}""");
        BridgeEndpoint own = TestCall.in(docs).flow("{\"module\":\"device\",\"data\":{\"id\":\"d3\"}}")
                .fromCarrier().from("+12125550000", "NYC").run().bridge().endpoints().getFirst();
        assertThat(own.callerId()).isEqualTo(new Party("+14155550102", "Bob B"));
    }

    /** Leaves channel variables (force_dynamic_cid, Retain-CID) in the call, as a set_variable node would. */
    private record SetVariables(String json) implements Action {
        @Override
        public String module() {
            return "test_set_variables";
        }

        @Override
        public Next execute(ActionContext ctx, JsonNode data) {
            dev.switchboard.core.doc.Json.parse(json).properties()
                    .forEach(e -> ctx.state().variables().put(e.getKey(), e.getValue().asString()));
            return Next.CONTINUE;
        }
    }

    /**
     * The caller-ID actions and bridging read the same parts: what prepend_cid, set_cid and dynamic_cid leave is
     * what a callee sees, and equals what the call presents ({@code CallControl.callerId}).
     */
    @Test
    void callerIdActionsShapeWhatCalleesSee() {
        String device = "{\"module\":\"device\",\"data\":{\"id\":\"d3\"}}";
        TestCall.Result prepended = TestCall.in(docs).flow("""
                {"module":"prepend_cid","data":{"caller_id_number_prefix":"9","caller_id_name_prefix":"Sales: "},
                 "children":{"_":%s}}""".formatted(device)).fromDevice("d1").run();
        assertThat(prepended.bridge().callerId()).isEqualTo(new Party("91001", "Sales: Ada Lovelace"));
        Party rewritten = TestCall.in(docs).flow("""
                {"module":"prepend_cid","data":{"caller_id_number_prefix":"9"},
                 "children":{"_":{"module":"set_cid","data":{"caller_id_number":"2000"},"children":{"_":%s}}}}"""
                .formatted(device)).fromDevice("d1").run().bridge().callerId();
        assertThat(rewritten).isEqualTo(new Party("2000", "Ada Lovelace"));
        Party dynamic = TestCall.in(docs).flow("""
                {"module":"dynamic_cid","data":{"action":"static","caller_id":{"number":"+18005550000"}},
                 "children":{"_":%s}}""".formatted(device)).fromDevice("d1").run().bridge().callerId();
        assertThat(dynamic.number()).isEqualTo("+18005550000");
        TestCall.Result forced = TestCall.in(docs).flow("""
                {"module":"test_set_variables","data":{},"children":{"_":{"module":"dynamic_cid",
                 "data":{"action":"static","caller_id":{"number":"+18005550001"}},"children":{"_":%s}}}}"""
                .formatted(device)).fromCarrier().from("+12125550000", "NYC")
                .with(new SetVariables("{\"force_dynamic_cid\":\"true\"}")).run();
        assertThat(forced.bridge().callerId()).isEqualTo(new Party("+18005550001", "NYC"));
        assertThat(forced.events()).as("presented and shown agree").contains("caller_id:+18005550001");
        TestCall.Result carrier = TestCall.in(docs).flow("""
                {"module":"prepend_cid","data":{"caller_id_number_prefix":"*"},"children":{"_":%s}}"""
                .formatted(device)).fromCarrier().from("+12125550000", "NYC").run();
        assertThat(carrier.bridge().callerId()).as("a prefix applies once to a call that keeps its caller ID")
                .isEqualTo(new Party("*+12125550000", "NYC"));
    }

    @Test
    void ringtonesBecomeAlertInfo() {
        docs.add("user", "u1", """
                {"first_name":"Ada","last_name":"Lovelace","ringtones":{"internal":"<http://x/in.wav>",
                 "external":"<http://x/out.wav>"}}""");
        assertThat(device("{\"id\":\"d1\"}").bridge().endpoints().getFirst().headers())
                .containsEntry("Alert-Info", "<http://x/in.wav>");
        assertThat(TestCall.in(docs).flow("{\"module\":\"device\",\"data\":{\"id\":\"d1\"}}").fromCarrier().run()
                .bridge().endpoints().getFirst().headers()).containsEntry("Alert-Info", "<http://x/out.wav>");
    }

    @Test
    void failOnSingleRejectComesFromTheDataOrTheChannel() {
        assertThat(device("{\"id\":\"d1\",\"fail_on_single_reject\":true}").bridge().failOnSingleReject()).isTrue();
        assertThat(device("{\"id\":\"d1\"}").bridge().failOnSingleReject()).isFalse();
        TestCall.Result viaChannel = TestCall.in(docs).flow("""
                {"module":"test_set_variables","data":{},"children":{"_":{"module":"user","data":{"id":"u1"}}}}""")
                .with(new SetVariables("{\"Require-Fail-On-Single-Reject\":\"true\"}")).run();
        assertThat(viaChannel.bridge().failOnSingleReject()).isTrue();
    }

    @Test
    void queueCallsSkipDevicesExcludedFromQueues() {
        docs.add("device", "d1", """
                {"name":"Ada desk","owner_id":"u1","sip":{"username":"ada-desk"},"exclude_from_queues":true}""");
        TestCall.Result r = TestCall.in(docs).flow("""
                {"module":"test_set_variables","data":{},"children":{"_":{"module":"user","data":{"id":"u1"}}}}""")
                .with(new SetVariables("{\"Queue-ID\":\"q1\"}")).run();
        assertThat(r.bridge().endpoints()).extracting(BridgeEndpoint::id).containsExactly("d2");
        assertThat(r.events()).contains("endpoint:d1:exclude_from_queues");
    }

    @Test
    void aRoutedNumberBridges() {
        docs.add("callflow", "cf-ada", """
                {"numbers":["1001"],"flow":{"module":"device","data":{"id":"d1"}}}""");
        TestCall.Result r = TestCall.in(docs).to("1001").run();
        assertThat(r.outcome().end()).isEqualTo("bridged");
        List<String> events = r.events();
        assertThat(events).contains("bridge:d1:answered");
    }
}
