package dev.switchboard.core.actions;

import java.time.Instant;
import java.util.List;

import dev.switchboard.core.call.Party;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.CallOutcome;
import dev.switchboard.core.engine.Next;
import dev.switchboard.core.engine.Notice;
import tools.jackson.databind.JsonNode;

/**
 * {@code missed_call_alert} (spec §6.44): on a call into the account (not from one of its devices), e-mails the
 * {@code recipients} (template {@value #TEMPLATE}) when the call ends if it was neither answered (bridged) nor left a
 * voicemail. Always continues to "_" at once.
 */
public final class MissedCallAlertAction implements Action {
    static final String TEMPLATE = "missed_call_alert";

    @Override
    public String module() {
        return "missed_call_alert";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        if (ctx.call().info().deviceId() != null) {
            ctx.event("missed_call_alert:not_inbound");
            return Next.CONTINUE;
        }
        Party caller = PresentedCallerId.own(ctx);
        Instant at = ctx.call().now();
        JsonNode recipients = data.path("recipients").deepCopy();
        ctx.onEnd(() -> alert(ctx, recipients, caller, at));
        ctx.event("missed_call_alert:armed");
        return Next.CONTINUE;
    }

    private static void alert(ActionContext ctx, JsonNode recipients, Party caller, Instant at) {
        CallOutcome outcome = ctx.state().outcome();
        if (CallSummary.bridged(outcome) || CallSummary.messageLeft(outcome)) {
            ctx.event("missed_call_alert:not_missed");
            return;
        }
        List<String> to = Recipients.emails(ctx, recipients);
        if (to.isEmpty()) {
            ctx.event("missed_call_alert:no_recipients");
            return;
        }
        ctx.services().notifier().send(new Notice(TEMPLATE, to, CallSummary.values(ctx, caller, at)));
    }
}
