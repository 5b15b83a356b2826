package dev.switchboard.core.actions;

import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;

/**
 * {@code conference} (spec §6.17): the conference {@code id} (or an ad-hoc {@code config}; neither: the caller is
 * asked for the conference number), {@code moderator}, {@code welcome_prompt}, {@code play_entry_tone}. The call
 * leaves the flow into the room.
 */
public final class ConferenceAction implements Action {

    @Override
    public String module() {
        return "conference";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        return new ConferenceJoin(ctx, data).join(data.path("id").asString(""));
    }
}
