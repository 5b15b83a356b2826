package dev.switchboard.core.actions;

import java.util.List;

import dev.switchboard.core.call.BridgeEndpoint;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;

/**
 * {@code device} (spec §6.20): ring one device, and its call-forward number when it has one. Data: {@code id},
 * {@code timeout} (s; absent or 0 = 20), {@code delay}, {@code dial_strategy} simultaneous|single (how the device
 * and its forward ring), {@code can_call_self}, {@code custom_sip_headers}, {@code static_invite},
 * {@code suppress_clid}, {@code fail_on_single_reject}. Nothing to ring (disabled, do-not-disturb, calling itself,
 * not found) → "_". Answered → stop; failed → the cause/SIP-code child, else "_".
 */
public final class DeviceAction implements Action {

    @Override
    public String module() {
        return "device";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        EndpointOptions options = EndpointOptions.from(data, "device", EndpointOptions.DEFAULT_TIMEOUT);
        Endpoints builder = new Endpoints(ctx);
        List<BridgeEndpoint> legs = builder.device(data.path("id").asString(""), options);
        if (legs.isEmpty()) {
            return Next.CONTINUE;
        }
        return Bridging.after(ctx, Bridging.ring(ctx, legs, data.path("dial_strategy").asString("simultaneous"),
                options.timeout(), null, builder.ignoreEarlyMedia(), Bridging.failOnSingleReject(ctx, data)));
    }
}
