package dev.switchboard.core.actions;

import java.util.Set;

import dev.switchboard.core.call.Media;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;

/**
 * {@code group_pickup} (spec §6.33): answer a call ringing on a device ({@code device_id}), any device of a user
 * ({@code user_id}) or of a group ({@code group_id}). Anyone may, unless an {@code approved_*} key says who.
 */
public final class GroupPickupAction implements Action {
    private static final CallTakeover PICKUP = new CallTakeover(Set.of("ringing"), "bridge", "pickup-no_users",
            "pickup-no_channels");
    private static final Media NO_PERMISSION = new Media.Tts("you have no permission to intercept this call", null,
            null);

    @Override
    public String module() {
        return "group_pickup";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        return pickup(ctx, data);
    }

    static Next pickup(ActionContext ctx, JsonNode data) {
        if (!CallPermission.approved(ctx, data).orElse(true)) {
            return CallTakeover.refuse(ctx, NO_PERMISSION);
        }
        return PICKUP.take(ctx, CallScope.of(ctx, data));
    }
}
