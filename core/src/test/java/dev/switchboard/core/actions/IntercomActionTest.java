package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.call.BridgeEndpoint;
import dev.switchboard.core.sim.MemoryDocuments;

class IntercomActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    IntercomActionTest() {
        docs.add("user", "u1", "{\"first_name\":\"Ada\",\"last_name\":\"L\"}");
        docs.add("device", "d1", "{\"name\":\"d1\",\"owner_id\":\"u1\",\"sip\":{\"username\":\"d1\"}}");
        docs.add("callflow", "cf-ada", "{\"numbers\":[\"1001\"],\"flow\":{\"module\":\"user\",\"data\":{\"id\":\"u1\"}}}");
        docs.add("callflow", "cf-intercom", """
                {"patterns":["^\\\\*0(\\\\d*)$"],"flow":{"module":"intercom","data":{"barge_calls":true},
                 "children":{"_":{"module":"play","data":{"id":"unknown"}}}}}""");
        docs.add("callflow", "cf-no-match", "{\"numbers\":[\"no_match\"],\"flow\":{\"module\":\"play\",\"data\":{\"id\":\"nm\"}}}");
    }

    @Test
    void branchesToTheExtensionWhoseDevicesAutoAnswer() {
        TestCall.Result r = TestCall.in(docs).to("*01001").run();
        assertThat(r.path()).containsExactly("intercom→null", "user→null");
        BridgeEndpoint leg = r.bridge().endpoints().getFirst();
        assertThat(leg.kind()).isEqualTo("page");
        assertThat(leg.headers()).containsEntry("Call-Info", "answer-after=0");
        assertThat(r.steps().get(1).path()).startsWith("callflow:cf-ada/flow");
    }

    @Test
    void anUnknownExtensionGoesOnAndNoDigitsIsABadDestination() {
        TestCall.Result unknown = TestCall.in(docs).to("*05555").run();
        assertThat(unknown.path()).containsExactly("intercom→_", "play→null");
        TestCall.Result none = TestCall.in(docs).to("*0").run();
        assertThat(none.events()).contains("play:prompt:fault-can_not_be_completed_as_dialed");
        assertThat(none.path()).containsExactly("intercom→null");
    }
}
