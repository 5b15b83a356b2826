package dev.switchboard.core.actions;

import java.util.List;

import dev.switchboard.core.call.BridgeEndpoint;
import dev.switchboard.core.call.BridgeRequest;
import dev.switchboard.core.call.BridgeResult;
import dev.switchboard.core.call.Media;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.CallOutcome;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;

/** What every bridging action does once it has its legs: ring them, then say where the flow goes. */
final class Bridging {
    private Bridging() {
    }

    static BridgeResult ring(ActionContext ctx, List<BridgeEndpoint> legs, String strategy, int timeout, Media ringback,
                             boolean ignoreEarlyMedia, boolean failOnSingleReject) {
        return ctx.call().bridge(new BridgeRequest(legs, strategy.equals("single") ? "single" : "simultaneous", timeout,
                ringback, ignoreEarlyMedia, CallerIds.forDevices(ctx), failOnSingleReject));
    }

    /**
     * Answered: the call was "bridged" to that endpoint, and it is over. The bridge returns when the conversation
     * has ended; the caller is then hung up (the switch's hangup-after-bridge), so a flow that reached this node
     * through a branch does not go on to the caller's next step after a finished conversation.
     */
    static Next answered(ActionContext ctx, BridgeResult result) {
        BridgeEndpoint by = result.answeredBy();
        ctx.state().outcome(new CallOutcome("bridged", "NORMAL_CLEARING", by == null ? null : by.id()));
        ctx.call().hangup("NORMAL_CLEARING");
        return Next.STOP;
    }

    /** Answered → stop; failed → the child named after the cause or SIP code (spec §4.11), else "_". */
    static Next after(ActionContext ctx, BridgeResult result) {
        if (result.answered()) {
            return answered(ctx, result);
        }
        return ctx.bridgeFailure(result).orElse(Next.CONTINUE);
    }

    /** {@code fail_on_single_reject} of the data, else the channel variable {@code Require-Fail-On-Single-Reject}. */
    static boolean failOnSingleReject(ActionContext ctx, JsonNode data) {
        JsonNode value = data.path("fail_on_single_reject");
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        return CallerIds.isTrue(ctx.state().variables().get("Require-Fail-On-Single-Reject"));
    }

    /** Now in Gregorian seconds, as {@code disable_until} is written. */
    static long nowGregorian(ActionContext ctx) {
        return ctx.call().now().getEpochSecond() + dev.switchboard.core.doc.Document.GREGORIAN_UNIX_OFFSET;
    }
}
