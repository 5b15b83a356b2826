package dev.switchboard.core.actions;

import java.time.Duration;

import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;

/** {@code sleep} (spec §6.71): pause the call. Data: {@code duration} (default 0), {@code unit} ms|s|m|h (s). */
public final class SleepAction implements Action {
    private static final Duration LONGEST = Duration.ofMillis(86_400_000);

    @Override
    public String module() {
        return "sleep";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        Duration pause = Units.duration(data.path("duration").asLong(0), data.path("unit").asString("s"));
        ctx.call().pause(pause.isNegative() ? Duration.ZERO : pause.compareTo(LONGEST) > 0 ? LONGEST : pause);
        return Next.CONTINUE;
    }
}
