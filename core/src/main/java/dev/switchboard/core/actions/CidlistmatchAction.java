package dev.switchboard.core.actions;

import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;

/**
 * {@code cidlistmatch} (spec §6.15): continues to {@code match} when the caller-ID number matches an entry of the
 * match list {@code id} (see {@link MatchLists}), else to {@code nomatch}; a missing child means "_".
 */
public final class CidlistmatchAction implements Action {

    @Override
    public String module() {
        return "cidlistmatch";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        String listId = data.path("id").asString("");
        String number = PresentedCallerId.own(ctx).number();
        boolean match = !number.isEmpty() && MatchLists.entries(ctx.documents(), listId).stream()
                .anyMatch(e -> MatchLists.matches(e, number));
        ctx.event("list:" + (match ? "match" : "nomatch"));
        return Next.to(match ? "match" : "nomatch");
    }
}
