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
 * {@code eavesdrop_feature} (spec §6.26): listen in on the extension dialled after the feature code (the capture
 * group). The caller needs an {@code approved_*} key's approval; with {@code group_id} the extension's user or
 * device must be a member of that group. Then the call goes on as an {@code eavesdrop} on that target, approved
 * for the calling device (only a caller on a device can be approved).
 */
public final class EavesdropFeatureAction implements Action {
    private static final Media NO_CHANNELS = Media.Prompt.of("eavesdrop-no_channels");

    @Override
    public String module() {
        return "eavesdrop_feature";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        Optional<ExtensionTarget> target = ExtensionTarget.ofExtension(ctx, ctx.state().captureGroup(), false);
        if (target.isEmpty()) {
            ctx.call().answer();
            ctx.call().play(NO_CHANNELS, "");
            return Next.STOP;
        }
        String group = data.path("group_id").asString("");
        boolean inGroup = group.isEmpty() || ctx.documents().get("group", group)
                .map(g -> g.body().path("endpoints").has(target.get().id())).orElse(false);
        if (!inGroup || !CallPermission.approved(ctx, data).orElse(false)) {
            return CallTakeover.refuse(ctx, NO_CHANNELS);
        }
        ObjectNode eavesdrop = Json.object().put("module", "eavesdrop");
        eavesdrop.putObject("data").put(target.get().key(), target.get().id())
                .put("approved_device_id", ctx.call().info().deviceId());
        return new Next.Branch(eavesdrop, "eavesdrop_feature");
    }
}
