package dev.switchboard.core.actions;

import java.util.Locale;
import java.util.Map;

import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;

/**
 * {@code set_variable} (spec §6.68): sets a channel variable. KAZOO's two names keep their channel spelling
 * ({@code call_priority} → {@code Call-Priority}, {@code group_id} → {@code Group-ID}); any other name is set as
 * written. {@code channel} ({@code a}/{@code both}) makes no difference: legs a call bridges see its variables.
 */
public final class SetVariableAction implements Action {
    private static final Map<String, String> CHANNEL_NAMES = Map.of("call_priority", "Call-Priority",
            "group_id", "Group-ID");

    @Override
    public String module() {
        return "set_variable";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        String variable = data.path("variable").asString("").trim();
        JsonNode value = data.get("value");
        if (variable.isEmpty() || value == null || !value.isValueNode() || value.isNull()) {
            ctx.event("variable:not_set");
            return Next.CONTINUE;
        }
        String name = CHANNEL_NAMES.getOrDefault(variable.toLowerCase(Locale.ROOT), variable);
        ctx.state().variables().put(name, value.asString());
        ctx.event("variable:" + name + "=" + value.asString());
        return Next.CONTINUE;
    }
}
