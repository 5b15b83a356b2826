package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.call.BridgeEndpoint;
import dev.switchboard.core.call.BridgeRequest;
import dev.switchboard.core.call.Media;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.sim.MemoryDocuments;

class RingGroupActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    RingGroupActionTest() {
        docs.add("user", "u1", "{\"first_name\":\"Ada\",\"last_name\":\"L\"}");
        docs.add("user", "u2", "{\"first_name\":\"Bob\",\"last_name\":\"B\"}");
        for (String[] d : new String[][] {{"d1", "u1"}, {"d2", "u1"}, {"d3", "u2"}, {"d4", null}, {"d5", null}}) {
            docs.add("device", d[0], "{\"name\":\"" + d[0] + "\",\"sip\":{\"username\":\"" + d[0] + "\"}"
                    + (d[1] == null ? "" : ",\"owner_id\":\"" + d[1] + "\"") + "}");
        }
        docs.add("group", "g1", """
                {"name":"Sales","endpoints":{"d5":{"type":"device","weight":2,"timeout":30},
                 "u2":{"type":"user","weight":1,"delay":4},"d4":{"type":"device"}}}""");
    }

    private TestCall.Result ring(String data) {
        return TestCall.in(docs).flow("""
                {"module":"ring_group","data":%s,"children":{"_":{"module":"play","data":{"id":"after"}}}}"""
                .formatted(data)).run();
    }

    private static List<String> ids(BridgeRequest request) {
        return request.endpoints().stream().map(BridgeEndpoint::id).toList();
    }

    @Test
    void membersResolveInOrderToDevicesAndRingTogetherSortedByDelay() {
        TestCall.Result r = ring("""
                {"endpoints":[{"id":"u1","endpoint_type":"user","delay":5,"timeout":25},
                              {"id":"d4","endpoint_type":"device"},
                              {"id":"g1","endpoint_type":"group","delay":1}],
                 "timeout":30}""");
        BridgeRequest request = r.bridge();
        // d4 comes twice: once as a member, once through g1 with another delay (same id, delay and timeout: once)
        assertThat(ids(request)).containsExactly("d4", "d5", "d4", "d3", "d1", "d2");
        assertThat(request.endpoints()).extracting(BridgeEndpoint::delay).containsExactly(0, 1, 1, 4, 5, 5);
        assertThat(request.endpoints().get(1).timeout()).isEqualTo(30);
        assertThat(request.endpoints().get(1).groupId()).isEqualTo("g1");
        assertThat(request.endpoints().get(4).timeout()).isEqualTo(25);
        assertThat(request.strategy()).isEqualTo("simultaneous");
        assertThat(request.timeout()).isEqualTo(30);
        assertThat(request.ignoreEarlyMedia()).isTrue();
        assertThat(r.path()).containsExactly("ring_group→null");
        assertThat(r.outcome().end()).isEqualTo("bridged");
        assertThat(r.events()).doesNotContain("answer");
    }

    @Test
    void aMemberTypeDefaultsToDeviceAndDuplicatesAndTheCallerAreLeftOut() {
        TestCall.Result r = TestCall.in(docs).flow("""
                {"module":"ring_group","data":{"endpoints":[{"id":"d1"},{"id":"d1"},{"id":"u1","endpoint_type":"user"},
                 {"id":"d3"}]}}""").fromDevice("d3").run();
        assertThat(ids(r.bridge())).containsExactly("d1", "d2");
    }

    @Test
    void singleFollowsTheListAndOrdersGroupsByWeightDroppingUnweighted() {
        TestCall.Result r = ring("""
                {"strategy":"single","endpoints":[{"id":"d1"},{"id":"g1","endpoint_type":"group"}]}""");
        assertThat(ids(r.bridge())).containsExactly("d1", "d3", "d5");
        assertThat(r.bridge().strategy()).isEqualTo("single");
    }

    @Test
    void disabledUntilAFutureTimeIsSkipped() {
        long now = java.time.Instant.parse("2026-11-25T15:00:00Z").getEpochSecond() + Document.GREGORIAN_UNIX_OFFSET;
        TestCall.Result r = ring("""
                {"endpoints":[{"id":"d1","disable_until":%d},{"id":"d2","disable_until":%d},{"id":"d4","disable_until":0}]}"""
                .formatted(now + 60, now - 60));
        assertThat(ids(r.bridge())).containsExactly("d2", "d4");
        assertThat(r.events()).contains("member:d1:disabled");
    }

    @Test
    void nothingToRingGoesOn() {
        TestCall.Result r = ring("{\"endpoints\":[{\"id\":\"missing\"}]}");
        assertThat(r.bridges()).isEmpty();
        assertThat(r.path()).containsExactly("ring_group→_", "play→null");
    }

    @Test
    void repeatsRingAgainThenGoOn() {
        TestCall.Result r = TestCall.in(docs).flow("""
                {"module":"ring_group","data":{"repeats":3,"timeout":10,"endpoints":[{"id":"d1"},{"id":"d4"}]},
                 "children":{"_":{"module":"play","data":{"id":"after"}}}}""").endpoint("default", "no_answer").run();
        assertThat(r.bridges()).hasSize(3);
        assertThat(r.path()).containsExactly("ring_group→_", "play→null");
        assertThat(r.steps().get(1).tMs()).isEqualTo(30_000);
    }

    @Test
    void aFailureChildEndsTheRepeats() {
        TestCall.Result r = TestCall.in(docs).flow("""
                {"module":"ring_group","data":{"repeats":3,"endpoints":[{"id":"d1"}]},
                 "children":{"USER_BUSY":{"module":"play","data":{"id":"busy"}},"_":{"module":"play","data":{"id":"after"}}}}""")
                .endpoint("d1", "busy").run();
        assertThat(r.bridges()).hasSize(1);
        assertThat(r.path()).containsExactly("ring_group→USER_BUSY", "play→null");
    }

    @Test
    void ringbackRingtoneAndFailOnSingleRejectAreUsed() {
        TestCall.Result r = ring("""
                {"ringback":"tone_stream://%(2000,4000,440,480)","fail_on_single_reject":true,
                 "ringtones":{"internal":"<http://x/rg.wav>"},"endpoints":[{"id":"d1"}]}""");
        assertThat(r.bridge().ringback()).isEqualTo(new Media.Url("tone_stream://%(2000,4000,440,480)"));
        assertThat(r.bridge().failOnSingleReject()).isTrue();
        assertThat(r.bridge().endpoints().getFirst().headers()).containsEntry("Alert-Info", "<http://x/rg.wav>");
    }

    @Test
    void weightedRandomIsSeededAndRingsOneAfterAnother() {
        String data = """
                {"strategy":"weighted_random","endpoints":[{"id":"d1","weight":10},{"id":"d2","weight":90},
                 {"id":"d3","weight":50},{"id":"d4","weight":1}]}""";
        String flow = "{\"module\":\"ring_group\",\"data\":" + data + "}";
        List<String> first = ids(TestCall.in(docs).flow(flow).with(new RingGroupAction(() -> new SplittableRandom(7)))
                .run().bridge());
        List<String> again = ids(TestCall.in(docs).flow(flow).with(new RingGroupAction(() -> new SplittableRandom(7)))
                .run().bridge());
        assertThat(first).containsExactlyInAnyOrder("d1", "d2", "d3", "d4").isEqualTo(again);
        TestCall.Result heaviestFirst = TestCall.in(docs).flow(flow).with(new RingGroupAction(AlwaysHighest::new)).run();
        assertThat(ids(heaviestFirst.bridge())).containsExactly("d2", "d3", "d1", "d4");
        assertThat(heaviestFirst.bridge().strategy()).isEqualTo("single");
    }

    @Test
    void weightedRandomDrawsInProportionToWeight() {
        List<RingGroups.Member> members = List.of(new RingGroups.Member("light", 0, 20, 10, null),
                new RingGroups.Member("heavy", 0, 20, 90, null));
        RandomGenerator random = new SplittableRandom(42);
        int heavyFirst = 0;
        for (int i = 0; i < 2000; i++) {
            if (RingGroups.weightedRandom(members, random).getFirst().deviceId().equals("heavy")) {
                heavyFirst++;
            }
        }
        assertThat(heavyFirst).isBetween(1700, 1900);
    }

    /** Draws the top of every range: the heaviest member left always wins. */
    private static final class AlwaysHighest implements RandomGenerator {
        @Override
        public long nextLong() {
            return Long.MAX_VALUE;
        }

        @Override
        public int nextInt(int origin, int bound) {
            return bound - 1;
        }
    }

    @Test
    void aGroupNodeWithEndpointsIsARingGroup() {
        TestCall.Result r = TestCall.in(docs).flow("""
                {"module":"group","data":{"id":"g1","endpoints":[{"id":"d4"}],"strategy":"single"}}""").run();
        assertThat(ids(r.bridge())).containsExactly("d4");
        assertThat(r.bridge().endpoints().getFirst().groupId()).isEqualTo("g1");
        assertThat(r.events()).doesNotContain("answer");
    }
}
