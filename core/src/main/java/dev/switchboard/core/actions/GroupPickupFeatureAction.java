package dev.switchboard.core.actions;

import java.util.Optional;

import dev.switchboard.core.call.Media;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code group_pickup_feature} (spec §6.34): pick up the phone named by the capture group — an extension
 * ({@code type} extension, the default: its callflow's first user, device, or ring/page group's first endpoint) or
 * a SIP user name ({@code type} device). Then as {@code group_pickup}, {@code approved_*} keys included.
 */
public final class GroupPickupFeatureAction implements Action {

    @Override
    public String module() {
        return "group_pickup_feature";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        String capture = ctx.state().captureGroup();
        Optional<ExtensionTarget> target = switch (data.path("type").asString("extension")) {
            case "device" -> ExtensionTarget.ofSipUser(ctx, capture);
            case "extension" -> ExtensionTarget.ofExtension(ctx, capture, true);
            default -> Optional.empty();
        };
        if (target.isEmpty()) {
            ctx.call().answer();
            ctx.call().play(Media.Prompt.of("park-no_caller"), "");
            return Next.STOP;
        }
        ObjectNode pickup = data instanceof ObjectNode o ? o.deepCopy() : Json.object();
        pickup.remove("device_id");
        pickup.remove("user_id");
        pickup.remove("group_id");
        pickup.put(target.get().key(), target.get().id());
        return GroupPickupAction.pickup(ctx, pickup);
    }
}
