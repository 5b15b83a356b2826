package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;

class FlushDtmfActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    @Test
    void flushingTheDefaultCollectionDropsTypedAheadKeys() {
        FlowRun.Result r = FlowRun.in(docs).flow("""
                {"module":"play","data":{"id":"m1","terminators":["#"]},"children":{"_":
                 {"module":"flush_dtmf","data":{},"children":{"_":
                  {"module":"collect_dtmf","data":{"timeout":1000,"collection_name":"after"}}}}}}
                """).caller("[{\"wait_ms\": 500}, {\"dtmf\": \"5\"}]").run();
        assertThat(r.events()).contains("collect:");
        assertThat(r.state().dtmfCollections()).containsEntry("after", "");
    }

    @Test
    void withoutTheFlushTheTypedAheadKeyIsCollected() {
        FlowRun.Result r = FlowRun.in(docs).flow("""
                {"module":"play","data":{"id":"m1","terminators":["#"]},"children":{"_":
                  {"module":"collect_dtmf","data":{"timeout":1000,"collection_name":"after"}}}}
                """).caller("[{\"wait_ms\": 500}, {\"dtmf\": \"5\"}]").run();
        assertThat(r.state().dtmfCollections()).containsEntry("after", "5");
    }

    @Test
    void flushesOnlyTheNamedCollection() {
        FlowRun.Result r = FlowRun.in(docs).flow("""
                {"module":"collect_dtmf","data":{"collection_name":"pin","max_digits":2},"children":{"_":
                 {"module":"collect_dtmf","data":{"collection_name":"code","max_digits":2},"children":{"_":
                  {"module":"flush_dtmf","data":{"collection_name":"pin"}}}}}}
                """).caller("[{\"dtmf\": \"1234\"}]").run();
        assertThat(r.state().dtmfCollections()).doesNotContainKey("pin").containsEntry("code", "34");
        assertThat(r.paths()).hasSize(3);
    }
}
