package dev.switchboard.core.actions;

import java.time.Duration;
import java.util.Locale;

import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;

/**
 * {@code send_dtmf} (spec §6.64): sends {@code digits} on the call, each key sounding {@code duration_ms}
 * (integer or numeric string, default 2000). Characters that are not DTMF keys are left out; no keys left: nothing
 * is sent.
 */
public final class SendDtmfAction implements Action {
    private static final int DEFAULT_DURATION_MS = 2000;
    private static final String DTMF_KEYS = "0123456789*#ABCDabcd";

    @Override
    public String module() {
        return "send_dtmf";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        String digits = data.path("digits").asString("").chars()
                .filter(c -> DTMF_KEYS.indexOf(c) >= 0)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString().toUpperCase(Locale.ROOT);
        if (digits.isEmpty()) {
            ctx.event("send_dtmf:no_digits");
            return Next.CONTINUE;
        }
        int duration = data.path("duration_ms").asInt(DEFAULT_DURATION_MS);
        ctx.call().sendDtmf(digits, Duration.ofMillis(duration > 0 ? duration : DEFAULT_DURATION_MS));
        return Next.CONTINUE;
    }
}
