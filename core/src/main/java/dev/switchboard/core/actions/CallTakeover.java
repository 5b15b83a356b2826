package dev.switchboard.core.actions;

import java.util.List;
import java.util.Set;

import dev.switchboard.core.call.Media;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.ActiveCalls;
import dev.switchboard.core.engine.CallOutcome;
import dev.switchboard.core.engine.Next;

/**
 * The common end of pickup, intercept and eavesdrop: find a live call in the scope and connect the caller to it,
 * else say why not. The flow always stops afterwards.
 *
 * @param states    which calls qualify: "ringing" (pickup), "answered" (eavesdrop), both (intercept)
 * @param mode      how the caller is connected: "bridge" or "listen"
 * @param noUsers   the prompt when the scope has no phones
 * @param noCalls   the prompt when none of them has a call to take
 */
record CallTakeover(Set<String> states, String mode, String noUsers, String noCalls) {

    Next take(ActionContext ctx, CallScope scope) {
        ctx.call().answer();
        if (scope.isEmpty()) {
            ctx.call().play(Media.Prompt.of(noUsers), "");
            return Next.STOP;
        }
        List<ActiveCalls.LiveCall> calls = scope.calls(ctx, states);
        if (calls.isEmpty()) {
            ctx.call().play(Media.Prompt.of(noCalls), "");
            return Next.STOP;
        }
        ActiveCalls.LiveCall call = calls.getFirst();
        if (mode.equals("bridge")) {
            ctx.state().outcome(new CallOutcome("bridged", "NORMAL_CLEARING", null));
        }
        if (!ctx.call().connectTo(call.callId(), mode)) {
            ctx.state().outcome(null);
            ctx.call().play(Media.Prompt.of(noCalls), "");
        }
        return Next.STOP;
    }

    /** Refused: answer and say so with {@code media}. */
    static Next refuse(ActionContext ctx, Media media) {
        ctx.call().answer();
        ctx.event("permission_denied");
        ctx.call().play(media, "");
        return Next.STOP;
    }
}
