package dev.switchboard.core.actions;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

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

    /**
     * The call's facts as template values: {@code caller}, {@code caller_id_name}, {@code caller_id_number},
     * {@code to}, {@code date}, {@code call_answered} and {@code voicemail_left} (yes/no), {@code call_id}.
     */
    static Map<String, String> values(ActionContext ctx, Party caller, Instant at) {
        CallOutcome outcome = ctx.state().outcome();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("caller", caller(caller));
        values.put("caller_id_name", caller.name() == null ? "" : caller.name());
        values.put("caller_id_number", caller.number() == null ? "" : caller.number());
        values.put("to", ctx.call().info().dialled());
        values.put("date", WHEN.format(at.atZone(ctx.timezone(null))));
        values.put("call_answered", bridged(outcome) ? "yes" : "no");
        values.put("voicemail_left", messageLeft(outcome) ? "yes" : "no");
        values.put("call_id", ctx.call().info().callId());
        return values;
    }
}
