package dev.switchboard.core.actions;

import java.util.Optional;

import dev.switchboard.core.call.Media;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.CallOutcome;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;

/**
 * {@code response} (spec §6.60): answers the call attempt with a SIP error instead of taking it: {@code code}
 * (default 486; anything but 400–699 is taken as 486), reason phrase {@code message}, and {@code media} played
 * first as early media (a "the number you have dialled..." announcement before the 404). The call ends here.
 */
public final class ResponseAction implements Action {
    private static final int DEFAULT_CODE = 486;

    @Override
    public String module() {
        return "response";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        int code = data.path("code").asInt(DEFAULT_CODE);
        if (code < 400 || code > 699) {
            ctx.event("response:invalid_code:" + code);
            code = DEFAULT_CODE;
        }
        String message = data.path("message").asString("");
        boolean answered = ctx.call().answered();
        Optional<Media> media = ctx.media(data.path("media").asString(""));
        if (media.isPresent()) {
            if (!answered) {
                ctx.call().earlyMedia();
            }
            ctx.call().play(media.get(), "");
        }
        ctx.call().respond(code, message.isEmpty() ? null : message);
        if (!answered) {
            ctx.state().outcome(new CallOutcome("responded", String.valueOf(code), null));
        }
        return Next.STOP;
    }
}
