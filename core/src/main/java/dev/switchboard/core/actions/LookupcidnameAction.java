package dev.switchboard.core.actions;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.switchboard.core.call.Party;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;

/**
 * {@code lookupcidname} (spec §6.41): names the caller from match lists. The first list (in the order given) with
 * a named entry whose {@code number} or {@code prefix} matches wins, with its longest match; when no list has one,
 * the first named entry whose regular expression matches, list by list. The name becomes the call's caller-ID
 * name. Always continues to "_".
 */
public final class LookupcidnameAction implements Action {

    @Override
    public String module() {
        return "lookupcidname";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        Party caller = PresentedCallerId.own(ctx);
        List<List<MatchLists.Entry>> lists = data.path("lists").valueStream()
                .map(id -> MatchLists.entries(ctx.documents(), id.asString(""))
                        .stream().filter(e -> !e.displayName().isEmpty()).toList())
                .toList();
        Optional<String> name = byNumber(lists, caller.number()).or(() -> byPattern(lists, caller.number()));
        if (name.isEmpty() || caller.number().isEmpty()) {
            ctx.event("cid_name:not_found");
            return Next.CONTINUE;
        }
        ctx.event("cid_name:" + name.get());
        PresentedCallerId.own(ctx, new Party(caller.number(), name.get()));
        return Next.CONTINUE;
    }

    private static Optional<String> byNumber(List<List<MatchLists.Entry>> lists, String number) {
        for (List<MatchLists.Entry> entries : lists) {
            Optional<MatchLists.Entry> longest = entries.stream()
                    .filter(e -> MatchLists.prefixMatch(e, number) > 0)
                    .max(Comparator.comparingInt(e -> MatchLists.prefixMatch(e, number)));
            if (longest.isPresent()) {
                return Optional.of(longest.get().displayName());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> byPattern(List<List<MatchLists.Entry>> lists, String number) {
        return lists.stream().flatMap(List::stream).filter(e -> MatchLists.patternMatches(e, number)).findFirst()
                .map(MatchLists.Entry::displayName);
    }
}
