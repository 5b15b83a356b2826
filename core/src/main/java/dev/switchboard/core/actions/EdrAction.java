package dev.switchboard.core.actions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchboard.core.call.CallInfo;
import dev.switchboard.core.call.Party;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code edr} (spec §6.27): emits an event detail record with the call's identity and the node's data as
 * {@code Custom-Data}, at info level on the {@code edr} logger (the log pipeline ships it), and into the trace.
 */
public final class EdrAction implements Action {
    private static final Logger EDR = LoggerFactory.getLogger("edr");

    @Override
    public String module() {
        return "edr";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        CallInfo info = ctx.call().info();
        Party caller = PresentedCallerId.own(ctx);
        ObjectNode custom = data instanceof ObjectNode object ? object.deepCopy() : Json.object();
        custom.remove("skip_module");
        ObjectNode record = Json.object()
                .put("Caller-ID-Name", caller.name())
                .put("Caller-ID-Number", caller.number())
                .put("Account-ID", ctx.accountId())
                .put("Call-ID", info.callId())
                .put("Owner-ID", CallerEndpoint.ownerId(ctx))
                .put("Authorizing-ID", info.deviceId())
                .put("Authorizing-Type", info.deviceId() != null ? "device" : info.fromCarrier() ? "resource" : null)
                .put("Callflow-ID", ctx.state().callflowId());
        record.set("Custom-Data", custom);
        EDR.atInfo().setMessage("edr").addKeyValue("account_id", ctx.accountId()).addKeyValue("call_id", info.callId())
                .addKeyValue("edr", Json.write(record)).log();
        ctx.event("edr:" + Json.write(custom));
        return Next.CONTINUE;
    }
}
