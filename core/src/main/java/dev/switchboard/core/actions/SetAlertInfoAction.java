package dev.switchboard.core.actions;

import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;

/** {@code set_alert_info} (spec §6.66): the Alert-Info (distinctive ring) the call's callees receive. */
public final class SetAlertInfoAction implements Action {
    static final String ALERT_INFO = "Alert-Info";

    @Override
    public String module() {
        return "set_alert_info";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        String value = data.path("alert_info").asString("").trim();
        if (value.isEmpty()) {
            ctx.event("alert_info:none");
            return Next.CONTINUE;
        }
        ctx.state().variables().put(ALERT_INFO, value);
        ctx.event("alert_info:" + value);
        return Next.CONTINUE;
    }
}
