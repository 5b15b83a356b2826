package dev.switchboard.core.actions;

import java.util.Map;

import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code set_variables} (spec §6.69): sets custom application variables; a {@code null} value removes one.
 * {@code export} makes no difference: legs a call bridges see its variables.
 */
public final class SetVariablesAction implements Action {

    @Override
    public String module() {
        return "set_variables";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        ObjectNode cavs = ctx.state().customVariables();
        for (Map.Entry<String, JsonNode> pair : data.path("custom_application_vars").properties()) {
            if (pair.getValue().isNull()) {
                cavs.remove(pair.getKey());
                ctx.event("cav:" + pair.getKey() + ":removed");
            } else {
                cavs.set(pair.getKey(), pair.getValue().deepCopy());
                ctx.event("cav:" + pair.getKey() + "=" + (pair.getValue().isValueNode() ? pair.getValue().asString()
                        : pair.getValue().toString()));
            }
        }
        return Next.CONTINUE;
    }
}
