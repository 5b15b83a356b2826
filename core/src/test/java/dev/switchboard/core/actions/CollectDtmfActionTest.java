package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;

class CollectDtmfActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    private static String collect(String data) {
        return "{\"module\":\"collect_dtmf\",\"data\":" + data
                + ",\"children\":{\"_\":{\"module\":\"play\",\"data\":{\"id\":\"next\"}}}}";
    }

    @Test
    void collectsUpToMaxDigitsIntoTheNamedCollection() {
        FlowRun.Result r = FlowRun.in(docs).flow(collect("{\"max_digits\":3,\"collection_name\":\"pin\"}"))
                .caller("[{\"wait_ms\": 1000}, {\"dtmf\": \"1234\"}]").run();
        assertThat(r.state().dtmfCollections()).containsEntry("pin", "123");
        assertThat(r.events()).startsWith("answer", "collect:123", "play:media:next");
        assertThat(r.trace().steps().get(1).tMs()).isEqualTo(1200);
    }

    @Test
    void collectsOneKeyIntoDefaultWhenToldNothing() {
        FlowRun.Result r = FlowRun.in(docs).flow(collect("{}")).caller("[{\"dtmf\": \"42\"}]").run();
        assertThat(r.state().dtmfCollections()).containsEntry("default", "4");
    }

    @Test
    void theTerminatorEndsTheCollection() {
        FlowRun.Result r = FlowRun.in(docs).flow(collect("{\"max_digits\":4,\"collection_name\":\"x\"}"))
                .caller("[{\"dtmf\": \"12#3\"}]").run();
        assertThat(r.state().dtmfCollections()).containsEntry("x", "12");
    }

    @Test
    void terminatorWinsOverTerminatorsAndKeysThatAreNotDtmfAreIgnored() {
        FlowRun.Result single = FlowRun.in(docs)
                .flow(collect("{\"max_digits\":4,\"collection_name\":\"x\",\"terminator\":\"*\",\"terminators\":[\"1\"]}"))
                .caller("[{\"dtmf\": \"12*3\"}]").run();
        assertThat(single.state().dtmfCollections()).containsEntry("x", "12");
        FlowRun.Result list = FlowRun.in(docs)
                .flow(collect("{\"max_digits\":4,\"collection_name\":\"x\",\"terminator\":\"x\",\"terminators\":[\"bad\",\"*\"]}"))
                .caller("[{\"dtmf\": \"12*3\"}]").run();
        assertThat(list.state().dtmfCollections()).containsEntry("x", "12");
        assertThat(list.paths()).hasSize(2);
    }

    @Test
    void typedAheadKeysCountFirst() {
        FlowRun.Result r = FlowRun.in(docs).flow("""
                {"module":"play","data":{"id":"m1","terminators":["*"]},"children":{"_":
                 {"module":"collect_dtmf","data":{"max_digits":2,"collection_name":"x"}}}}
                """).caller("[{\"wait_ms\": 500}, {\"dtmf\": \"456\"}]").run();
        assertThat(r.state().dtmfCollections()).containsEntry("x", "45");
        assertThat(r.events()).noneMatch(e -> e.startsWith("collect:"));
    }

    @Test
    void typedAheadKeysStopAtTheirFirstTerminatorAndTheRestIsCollected() {
        FlowRun.Result r = FlowRun.in(docs).flow("""
                {"module":"play","data":{"id":"m1","terminators":["*"]},"children":{"_":
                 {"module":"collect_dtmf","data":{"max_digits":3,"collection_name":"x"}}}}
                """).caller("[{\"wait_ms\": 500}, {\"dtmf\": \"4#9\"}, {\"wait_ms\": 2000}, {\"dtmf\": \"78\"}]").run();
        assertThat(r.state().dtmfCollections()).containsEntry("x", "478");
        assertThat(r.events()).contains("collect:78");
    }

    @Test
    void silenceStoresNothingAfterTheTimeoutAndContinues() {
        FlowRun.Result r = FlowRun.in(docs).flow(collect("{\"timeout\":1500,\"collection_name\":\"x\"}")).run();
        assertThat(r.state().dtmfCollections()).containsEntry("x", "");
        assertThat(r.trace().steps().get(1).tMs()).isEqualTo(1500);
        FlowRun.Result byDefault = FlowRun.in(docs).flow(collect("{\"timeout\":0}")).run();
        assertThat(byDefault.trace().steps().get(1).tMs()).isEqualTo(5000);
    }

    @Test
    void aCallerWhoHangsUpEndsTheFlow() {
        FlowRun.Result r = FlowRun.in(docs).flow(collect("{\"max_digits\":4,\"collection_name\":\"x\"}"))
                .caller("[{\"dtmf\": \"1\"}, {\"hangup\": true}]").run();
        assertThat(r.trace().steps()).hasSize(1);
        assertThat(r.trace().outcome().end()).isEqualTo("hangup");
        assertThat(r.state().dtmfCollections()).doesNotContainKey("x");
    }
}
