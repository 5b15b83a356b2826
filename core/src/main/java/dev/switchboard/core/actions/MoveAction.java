package dev.switchboard.core.actions;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.switchboard.core.call.Media;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.ActiveCalls;
import dev.switchboard.core.engine.CallOutcome;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;

/**
 * {@code move} (spec §6.45): brings the caller's call in progress on another of its user's phones to this one.
 * Exactly one such call is taken over; with none or several, or no user, the caller hears why. Always ends.
 */
public final class MoveAction implements Action {

    @Override
    public String module() {
        return "move";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        ctx.call().answer();
        String owner = CallerEndpoint.ownerId(ctx);
        if (owner == null || owner.isEmpty()) {
            ctx.call().play(Media.Prompt.of("cf-move-no_owner"), "");
            return Next.STOP;
        }
        Set<String> devices = ctx.documents().find(DocumentIndexes.OWNER, owner).stream()
                .filter(d -> d.type().equals("device")).map(Document::id).collect(Collectors.toSet());
        String self = ctx.call().info().callId();
        List<String> calls = ctx.services().activeCalls().calls(ctx.accountId()).stream()
                .filter(c -> !c.callId().equals(self) && (owner.equals(c.ownerId()) || devices.contains(c.deviceId())))
                .map(ActiveCalls.LiveCall::callId).distinct().toList();
        if (calls.size() != 1) {
            ctx.call().play(Media.Prompt.of(calls.isEmpty() ? "cf-move-no_channel" : "cf-move-too_many_channels"), "");
            return Next.STOP;
        }
        if (!ctx.call().connectTo(calls.getFirst(), "bridge")) {
            ctx.call().play(Media.Prompt.of("cf-move-no_channel"), "");
            return Next.STOP;
        }
        ctx.state().outcome(new CallOutcome("bridged", "NORMAL_CLEARING", ctx.call().info().deviceId()));
        return Next.STOP;
    }
}
