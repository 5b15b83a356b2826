package dev.switchboard.core.actions;

import java.util.Set;

import dev.switchboard.core.call.Media;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;

/**
 * {@code eavesdrop} (spec §6.25): listen, unheard, to the answered call of {@code device_id} (wins) or
 * {@code user_id}. Only a caller an {@code approved_*} key names may; without one nobody may.
 */
public final class EavesdropAction implements Action {
    private static final CallTakeover LISTEN = new CallTakeover(Set.of("answered"), "listen", "pickup-no_users",
            "pickup-no_channels");

    @Override
    public String module() {
        return "eavesdrop";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        if (!CallPermission.approved(ctx, data).orElse(false)) {
            return CallTakeover.refuse(ctx, Media.Prompt.of("eavesdrop-no_channels"));
        }
        return LISTEN.take(ctx, CallScope.ofDeviceOrUser(ctx, data));
    }
}
