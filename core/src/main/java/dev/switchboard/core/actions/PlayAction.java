package dev.switchboard.core.actions;

import java.util.Optional;

import dev.switchboard.core.call.Media;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;

/**
 * {@code play} (spec §6.53): answer unless told not to, play media once, {@code loop_count} times or endlessly;
 * a terminator key stops it. Keys pressed meanwhile stay in the type-ahead buffer for a later collect.
 */
public final class PlayAction implements Action {
    static final String ANY_DIGIT = "1234567890*#";

    @Override
    public String module() {
        return "play";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        Optional<Media> media = ctx.media(data.path("id").asString(""));
        if (media.isEmpty()) {
            return Next.CONTINUE;
        }
        if (data.path("answer").asBoolean(true)) {
            ctx.call().answer();
        }
        String terminators = terminators(data);
        boolean endless = data.path("endless_playback").asBoolean(false);
        int times = Math.max(1, data.path("loop_count").asInt(1));
        for (int i = 0; endless || i < times; i++) {
            if (ctx.call().play(media.get(), terminators).isPresent()) {
                break;
            }
        }
        return Next.CONTINUE;
    }

    static String terminators(JsonNode data) {
        JsonNode list = data.get("terminators");
        if (list == null || !list.isArray()) {
            return ANY_DIGIT;
        }
        StringBuilder keys = new StringBuilder();
        list.forEach(k -> keys.append(k.asString("")));
        return keys.toString();
    }
}
