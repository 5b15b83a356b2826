package dev.switchboard.core.actions;

import java.util.List;
import java.util.Optional;

import dev.switchboard.core.call.Media;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code intercept_feature} (spec §6.38): intercept the phone named by the capture group — an extension
 * ({@code type} extension, the default) or a SIP user name ({@code type} device). With an {@code approved_*} key
 * that key decides; without one only the target's own user may.
 */
public final class InterceptFeatureAction implements Action {
    private static final List<String> APPROVALS = List.of("approved_device_id", "approved_user_id",
            "approved_group_id");

    @Override
    public String module() {
        return "intercept_feature";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        String capture = ctx.state().captureGroup();
        Optional<ExtensionTarget> target = switch (data.path("type").asString("extension")) {
            case "device" -> ExtensionTarget.ofSipUser(ctx, capture);
            case "extension" -> ExtensionTarget.ofExtension(ctx, capture, false);
            default -> Optional.empty();
        };
        if (target.isEmpty()) {
            ctx.call().answer();
            ctx.call().play(Media.Prompt.of("park-no_caller"), "");
            return Next.STOP;
        }
        ObjectNode intercept = data instanceof ObjectNode o ? o.deepCopy() : Json.object();
        intercept.put(target.get().key(), target.get().id());
        boolean approvals = APPROVALS.stream().anyMatch(k -> !data.path(k).asString("").isEmpty());
        String caller = ctx.call().info().ownerId();
        if (!approvals && (caller == null || !target.get().owner(ctx).map(caller::equals).orElse(false))) {
            return CallTakeover.refuse(ctx, Media.Prompt.of("intercept-no_channels"));
        }
        return InterceptAction.intercept(ctx, intercept);
    }
}
