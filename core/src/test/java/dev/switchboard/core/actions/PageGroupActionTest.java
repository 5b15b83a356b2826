package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.call.BridgeEndpoint;
import dev.switchboard.core.sim.MemoryDocuments;

class PageGroupActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    PageGroupActionTest() {
        docs.add("user", "u1", """
                {"first_name":"Ada","last_name":"L","call_forward":{"enabled":true,"number":"5550001"}}""");
        docs.add("device", "d1", "{\"name\":\"d1\",\"owner_id\":\"u1\",\"sip\":{\"username\":\"d1\"}}");
        docs.add("device", "d2", "{\"name\":\"d2\",\"sip\":{\"username\":\"d2\"}}");
        docs.add("device", "d3", "{\"name\":\"d3\",\"sip\":{\"username\":\"d3\"}}");
        docs.add("group", "g1", "{\"name\":\"All\",\"endpoints\":{\"d2\":{\"type\":\"device\"},\"d3\":{\"type\":\"device\"}}}");
    }

    @Test
    void pagesEveryDeviceOnceAutoAnsweredWithoutForwards() {
        TestCall.Result r = TestCall.in(docs).flow("""
                {"module":"page_group","data":{"audio":"two-way","endpoints":[{"id":"u1","endpoint_type":"user"},
                 {"id":"g1","endpoint_type":"group"},{"id":"d2","endpoint_type":"device","delay":3}]}}""")
                .fromDevice("d3").run();
        assertThat(r.bridge().endpoints()).extracting(BridgeEndpoint::id).containsExactly("d1", "d2");
        assertThat(r.bridge().endpoints()).allMatch(e -> e.kind().equals("page") && e.timeout() == 5
                && e.headers().get("X-Page-Audio").equals("two-way") && e.headers().containsKey("Call-Info"));
        assertThat(r.bridge().timeout()).isEqualTo(5);
        assertThat(r.outcome().end()).isEqualTo("bridged");
        assertThat(r.path()).containsExactly("page_group→null");
    }

    @Test
    void oneWayByDefaultAndNobodyAnsweringGoesOn() {
        TestCall.Result r = TestCall.in(docs).flow("""
                {"module":"page_group","data":{"timeout":8,"endpoints":[{"id":"d2"}]},
                 "children":{"_":{"module":"play","data":{"id":"x"}}}}""").endpoint("default", "busy").run();
        assertThat(r.bridge().endpoints().getFirst().headers()).containsEntry("X-Page-Audio", "one-way");
        assertThat(r.bridge().timeout()).isEqualTo(8);
        assertThat(r.path()).containsExactly("page_group→_", "play→null");
    }

    @Test
    void nobodyToPageGoesOn() {
        TestCall.Result r = TestCall.in(docs).flow("""
                {"module":"page_group","data":{"endpoints":[{"id":"d3"}]}}""").fromDevice("d3").run();
        assertThat(r.bridges()).isEmpty();
    }
}
