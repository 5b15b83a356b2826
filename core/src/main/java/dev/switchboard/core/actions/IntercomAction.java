package dev.switchboard.core.actions;

import java.util.Optional;

import dev.switchboard.core.call.Media;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import dev.switchboard.core.number.NumberNormalizer;
import dev.switchboard.core.routing.Route;
import tools.jackson.databind.JsonNode;

/**
 * {@code intercom} (spec §6.39): call the extension in the capture group (e.g. {@code *0}<i>1001</i>) so that its
 * devices answer by themselves. Sets the channel variables {@code Auto-Answer} = true (the endpoint builder then
 * makes "page" legs) and {@code Auto-Answer-Suppress-Notify} = not {@code barge_calls}, and branches to the
 * extension's callflow. No capture group → "fault-can_not_be_completed_as_dialed" and stop; no callflow (or only
 * no_match) → "_".
 */
public final class IntercomAction implements Action {

    @Override
    public String module() {
        return "intercom";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        String number = NumberNormalizer.normalize(ctx.state().captureGroup());
        if (number == null || number.isEmpty()) {
            ctx.call().play(Media.Prompt.of("fault-can_not_be_completed_as_dialed"), "");
            return Next.STOP;
        }
        Optional<Route> route = ctx.route(number, false).filter(r -> !r.noMatch());
        if (route.isEmpty()) {
            ctx.event("intercom:" + number + ":not_found");
            return Next.CONTINUE;
        }
        ctx.state().variables().put("Auto-Answer", "true");
        ctx.state().variables().put("Auto-Answer-Suppress-Notify",
                String.valueOf(!data.path("barge_calls").asBoolean(false)));
        return CallflowBranch.into(route.get().callflow());
    }
}
