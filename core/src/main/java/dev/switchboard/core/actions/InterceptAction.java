package dev.switchboard.core.actions;

import java.util.Set;

import dev.switchboard.core.call.Media;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;

/**
 * {@code intercept} (spec §6.37): take over a call of a device, a user or a group, ringing or already answered.
 * An {@code approved_*} key says who may; without one, only the target's own user (the owner of
 * {@code user_id}'s or {@code device_id}'s phones) or a member of {@code group_id} may — taking someone's answered
 * call is not for everyone.
 */
public final class InterceptAction implements Action {
    private static final CallTakeover INTERCEPT = new CallTakeover(Set.of("ringing", "answered"), "bridge",
            "intercept-no_users", "intercept-no_channels");

    @Override
    public String module() {
        return "intercept";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        return intercept(ctx, data);
    }

    static Next intercept(ActionContext ctx, JsonNode data) {
        if (!CallPermission.approved(ctx, data).orElseGet(() -> sameUserOrGroup(ctx, data))) {
            return CallTakeover.refuse(ctx, Media.Prompt.of("intercept-no_channels"));
        }
        return INTERCEPT.take(ctx, CallScope.of(ctx, data));
    }

    private static boolean sameUserOrGroup(ActionContext ctx, JsonNode data) {
        String caller = ctx.call().info().ownerId();
        String user = data.path("user_id").asString("");
        String device = data.path("device_id").asString("");
        String owner = !device.isEmpty() ? ctx.documents().get("device", device)
                .map(d -> d.body().path("owner_id").asString("")).orElse("") : user;
        if (caller != null && !owner.isEmpty() && caller.equals(owner)) {
            return true;
        }
        String group = data.path("group_id").asString("");
        return !group.isEmpty() && CallPermission.inGroup(ctx, group);
    }
}
