package dev.switchboard.core.actions;

import java.util.Locale;
import java.util.Set;

import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;

/**
 * {@code after_bridge} (spec §6.5): what happens to the caller once the party it is bridged to hangs up, as the
 * channel variables {@code Park-After-Pickup}, {@code Hangup-After-Pickup} (booleans) or
 * {@code Transfer-After-Pickup} (a number). An unknown action sets nothing.
 */
public final class AfterBridgeAction implements Action {
    private static final Set<String> TRUE = Set.of("true", "yes", "on", "1");

    @Override
    public String module() {
        return "after_bridge";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        String action = data.path("action").asString("");
        JsonNode value = data.path("data");
        String variable;
        String setting;
        switch (action) {
            case "park" -> {
                variable = "Park-After-Pickup";
                setting = String.valueOf(truthy(value));
            }
            case "hangup" -> {
                variable = "Hangup-After-Pickup";
                setting = String.valueOf(truthy(value));
            }
            case "transfer" -> {
                variable = "Transfer-After-Pickup";
                setting = value.isValueNode() && !value.isBoolean() ? value.asString().trim() : "";
            }
            default -> {
                ctx.event("after_bridge:unknown_action");
                return Next.CONTINUE;
            }
        }
        if (setting.isEmpty()) {
            ctx.event("after_bridge:no_target");
            return Next.CONTINUE;
        }
        ctx.state().variables().put(variable, setting);
        ctx.event("after_bridge:" + action + "=" + setting);
        return Next.CONTINUE;
    }

    private static boolean truthy(JsonNode value) {
        return value.isBoolean() ? value.booleanValue()
                : value.isValueNode() && TRUE.contains(value.asString().trim().toLowerCase(Locale.ROOT));
    }
}
