package dev.switchboard.core.actions;

import java.time.Duration;
import java.util.List;

import dev.switchboard.core.call.DigitRequest;
import dev.switchboard.core.call.Digits;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;

/**
 * {@code collect_dtmf} (spec §6.16): answers and collects up to {@code max_digits} keys (default 1) into the DTMF
 * collection {@code collection_name}. Keys the caller typed ahead (the "default" collection) count first, up to
 * the first terminator; the rest is collected with {@code timeout} for the first key (5000 ms) and
 * {@code interdigit_timeout} (2000 ms). Terminators: {@code terminator}, else {@code terminators}, else "#";
 * values that are not DTMF keys are ignored. Always continues, with whatever was collected (maybe nothing).
 */
public final class CollectDtmfAction implements Action {
    private static final int DEFAULT_TIMEOUT_MS = 5000;
    private static final int DEFAULT_INTERDIGIT_MS = 2000;
    private static final String DEFAULT_TERMINATOR = "#";

    @Override
    public String module() {
        return "collect_dtmf";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        ctx.call().answer();
        String terminators = terminators(data);
        String buffered = beforeTerminator(DtmfCollections.takeDefault(ctx), terminators);
        int max = Math.max(1, data.path("max_digits").asInt(1));
        String name = DtmfCollections.name(data);
        if (buffered.length() >= max) {
            ctx.state().dtmfCollections().put(name, buffered.substring(0, max));
            return Next.CONTINUE;
        }
        Digits more = ctx.call().collect(new DigitRequest(List.of(), 1, max - buffered.length(),
                millis(data, "timeout", DEFAULT_TIMEOUT_MS), millis(data, "interdigit_timeout", DEFAULT_INTERDIGIT_MS),
                terminators));
        ctx.state().dtmfCollections().put(name, buffered + more.digits());
        return Next.CONTINUE;
    }

    private static String terminators(JsonNode data) {
        String single = data.path("terminator").asString("");
        if (single.length() == 1 && PlayAction.ANY_DIGIT.contains(single)) {
            return single;
        }
        JsonNode list = data.get("terminators");
        if (list == null || !list.isArray()) {
            return DEFAULT_TERMINATOR;
        }
        StringBuilder keys = new StringBuilder();
        for (JsonNode key : list) {
            String k = key.asString("");
            if (k.length() == 1 && PlayAction.ANY_DIGIT.contains(k) && keys.indexOf(k) < 0) {
                keys.append(k);
            }
        }
        return keys.toString();
    }

    private static String beforeTerminator(String digits, String terminators) {
        for (int i = 0; i < digits.length(); i++) {
            if (terminators.indexOf(digits.charAt(i)) >= 0) {
                return digits.substring(0, i);
            }
        }
        return digits;
    }

    private static Duration millis(JsonNode data, String key, int fallback) {
        int ms = data.path(key).asInt(fallback);
        return Duration.ofMillis(ms > 0 ? ms : fallback);
    }
}
