package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.call.BridgeEndpoint;
import dev.switchboard.core.sim.MemoryDocuments;

class RouteToCidActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    RouteToCidActionTest() {
        docs.add("user", "u1", "{\"first_name\":\"Ada\",\"last_name\":\"L\",\"caller_id\":{\"internal\":{\"number\":\"1001\"}}}");
        docs.add("device", "d1", "{\"name\":\"d1\",\"owner_id\":\"u1\",\"sip\":{\"username\":\"d1\"}}");
        docs.add("device", "lobby", """
                {"name":"lobby","sip":{"username":"lobby"},"caller_id":{"external":{"number":"1001"},
                 "internal":{"number":"1050"}}}""");
        docs.add("device", "fax", "{\"name\":\"fax\",\"sip\":{\"username\":\"fax\"},\"caller_id\":{\"fax\":{\"number\":\"1001\"}}}");
        docs.add("callflow", "cf", """
                {"patterns":["^(1\\\\d{3})$"],"flow":{"module":"route_to_cid","data":{"cid_types":[],"timeout":15},
                 "children":{"_":{"module":"play","data":{"id":"none"}}}}}""");
    }

    @Test
    void ringsEveryUserAndDeviceWhoseCallerIdIsTheDialledNumber() {
        TestCall.Result r = TestCall.in(docs).to("1001").run();
        assertThat(r.bridge().endpoints()).extracting(BridgeEndpoint::id).containsExactlyInAnyOrder("d1", "lobby", "fax");
        assertThat(r.bridge().endpoints()).allMatch(e -> e.timeout() == 15);
        assertThat(r.bridge().strategy()).isEqualTo("simultaneous");
        assertThat(r.outcome().end()).isEqualTo("bridged");
    }

    @Test
    void cidTypesAndEndpointTypesNarrowTheSearch() {
        TestCall.Result internal = TestCall.in(docs).to("1001").flow("""
                {"module":"route_to_cid","data":{"cid_types":["internal"]}}""").run();
        assertThat(internal.bridge().endpoints()).extracting(BridgeEndpoint::id).containsExactly("d1");
        TestCall.Result custom = TestCall.in(docs).to("1001").flow("""
                {"module":"route_to_cid","data":{"cid_types":["custom"]}}""").run();
        assertThat(custom.bridge().endpoints()).extracting(BridgeEndpoint::id).containsExactly("fax");
        TestCall.Result devices = TestCall.in(docs).to("1001").flow("""
                {"module":"route_to_cid","data":{"endpoint_types":["device"],"cid_types":["external","internal"]}}""").run();
        assertThat(devices.bridge().endpoints()).extracting(BridgeEndpoint::id).containsExactly("lobby");
    }

    @Test
    void nobodyWithThatCallerIdGoesOn() {
        TestCall.Result r = TestCall.in(docs).to("1999").run();
        assertThat(r.bridges()).isEmpty();
        assertThat(r.path()).containsExactly("route_to_cid→_", "play→null");
    }
}
