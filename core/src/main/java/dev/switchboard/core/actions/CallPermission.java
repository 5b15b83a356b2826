package dev.switchboard.core.actions;

import java.util.Optional;

import dev.switchboard.core.call.CallInfo;
import dev.switchboard.core.engine.ActionContext;
import tools.jackson.databind.JsonNode;

/**
 * Who may pick up, intercept or listen in: the first present of {@code approved_device_id} (the calling device is
 * it), {@code approved_user_id} (the calling device belongs to that user), {@code approved_group_id} (the calling
 * device, or its owner, is a member of that group).
 */
final class CallPermission {
    private CallPermission() {
    }

    /** @return the decision of the {@code approved_*} keys; empty when the node has none */
    static Optional<Boolean> approved(ActionContext ctx, JsonNode data) {
        CallInfo caller = ctx.call().info();
        String device = data.path("approved_device_id").asString("");
        if (!device.isEmpty()) {
            return Optional.of(device.equals(caller.deviceId()));
        }
        String user = data.path("approved_user_id").asString("");
        if (!user.isEmpty()) {
            return Optional.of(belongsTo(ctx, user));
        }
        String group = data.path("approved_group_id").asString("");
        if (!group.isEmpty()) {
            return Optional.of(inGroup(ctx, group));
        }
        return Optional.empty();
    }

    /** The calling device is the user's (owned, or hot-desked by them). */
    static boolean belongsTo(ActionContext ctx, String userId) {
        CallInfo caller = ctx.call().info();
        return userId.equals(caller.ownerId())
                || (caller.deviceId() != null && CallScope.devicesOf(ctx, userId).contains(caller.deviceId()));
    }

    /** The calling device, or its owner, is a member of the group. */
    static boolean inGroup(ActionContext ctx, String groupId) {
        CallInfo caller = ctx.call().info();
        JsonNode members = ctx.documents().get("group", groupId).map(g -> g.body().path("endpoints"))
                .orElse(null);
        if (members == null) {
            return false;
        }
        return (caller.deviceId() != null && members.has(caller.deviceId()))
                || (caller.ownerId() != null && members.has(caller.ownerId()));
    }
}
