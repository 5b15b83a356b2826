package dev.switchboard.core.actions;

import java.time.Duration;

import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;

/**
 * {@code fax_detect} (spec §6.28): answers (a fax machine sends its tone only once connected) and listens for fax
 * tones for {@code duration} seconds (default 5, KAZOO's {@code fax_detect_duration_s}), then continues to
 * {@code ON_FAX} or {@code ON_VOICE}, each falling back to "_".
 */
public final class FaxDetectAction implements Action {
    private static final int DEFAULT_SECONDS = 5;
    private static final int LONGEST_SECONDS = 60;

    @Override
    public String module() {
        return "fax_detect";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        int seconds = data.path("duration").asInt(DEFAULT_SECONDS);
        Duration listen = Duration.ofSeconds(Math.clamp(seconds <= 0 ? DEFAULT_SECONDS : seconds, 1, LONGEST_SECONDS));
        ctx.call().answer();
        return Next.to(ctx.call().detectFax(listen) ? "ON_FAX" : "ON_VOICE");
    }
}
