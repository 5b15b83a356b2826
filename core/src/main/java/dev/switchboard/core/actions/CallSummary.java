package dev.switchboard.core.actions;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import dev.switchboard.core.call.Party;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.CallOutcome;

/** The facts of a call as e-mails about it state them ({@code missed_call_alert}, {@code notification}). */
final class CallSummary {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz", Locale.US);

    private CallSummary() {
    }

    /** "Name (number)", or just the number when the name says nothing more. */
    static String caller(Party caller) {
        String number = caller.number() == null || caller.number().isEmpty() ? "unknown" : caller.number();
        return caller.name() == null || caller.name().isBlank() || caller.name().equals(number) ? number
                : caller.name() + " (" + number + ")";
    }

    static boolean bridged(CallOutcome outcome) {
        return outcome != null && outcome.end().equals("bridged");
    }

    static boolean messageLeft(CallOutcome outcome) {
        return outcome != null && outcome.end().equals("voicemail");
    }

    /** The call's facts, one per line. */
    static String body(ActionContext ctx, Party caller, Instant at) {
        CallOutcome outcome = ctx.state().outcome();
        return "From: " + caller(caller) + "\n"
                + "To: " + ctx.call().info().dialled() + "\n"
                + "When: " + WHEN.format(at.atZone(ctx.timezone(null))) + "\n"
                + "Call answered: " + (bridged(outcome) ? "yes" : "no") + "\n"
                + "Voicemail left: " + (messageLeft(outcome) ? "yes" : "no") + "\n"
                + "Call-ID: " + ctx.call().info().callId() + "\n";
    }
}
