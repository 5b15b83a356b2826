package dev.switchboard.core.actions;

import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;

/**
 * {@code conference_feature} (spec §6.18): as {@code conference}, the conference named by the capture group
 * (e.g. a pattern {@code ^\*8(.{32})$}) instead of {@code id}.
 */
public final class ConferenceFeatureAction implements Action {

    @Override
    public String module() {
        return "conference_feature";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        String capture = ctx.state().captureGroup();
        return new ConferenceJoin(ctx, data).join(capture == null ? "" : capture);
    }
}
