package dev.switchboard.core.actions;

import dev.switchboard.core.call.Media;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;

/**
 * {@code tts} (spec §6.74): answers and speaks {@code text} with {@code voice} (default female) in
 * {@code language} (default the call's), once or, with {@code endless_playback}, until a terminator key or the
 * caller hangs up. No text is an error and stops the flow, as in KAZOO.
 */
public final class TtsAction implements Action {
    static final String DEFAULT_VOICE = "female";

    @Override
    public String module() {
        return "tts";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        String text = data.path("text").asString("");
        if (text.isBlank()) {
            ctx.event("tts:no_text");
            return Next.STOP;
        }
        ctx.call().answer();
        String voice = data.path("voice").asString("");
        String language = data.path("language").asString("");
        Media speech = new Media.Tts(text, voice.isEmpty() ? DEFAULT_VOICE : voice,
                language.isEmpty() ? ctx.call().language() : language);
        String terminators = PlayAction.terminators(data);
        boolean endless = data.path("endless_playback").asBoolean(false);
        do {
            if (ctx.call().play(speech, terminators).isPresent()) {
                break;
            }
        } while (endless);
        return Next.CONTINUE;
    }
}
