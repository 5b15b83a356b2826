package dev.switchboard.core.actions;

import java.util.List;

import dev.switchboard.core.call.BridgeEndpoint;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;

/**
 * {@code user} (spec §6.75): ring every device of a user (those it owns that nobody is hot-desked on, and those it
 * is hot-desked on), with their call forwards. Data: {@code id}, {@code timeout} (s, 20), {@code delay},
 * {@code strategy} simultaneous|single, {@code can_call_self}, {@code custom_sip_headers}, {@code static_invite},
 * {@code suppress_clid}, {@code fail_on_single_reject}. No device to ring → "_". Answered → stop; failed → the
 * cause/SIP-code child, else "_".
 */
public final class UserAction implements Action {

    @Override
    public String module() {
        return "user";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        EndpointOptions options = EndpointOptions.from(data, "user", EndpointOptions.DEFAULT_TIMEOUT);
        Endpoints builder = new Endpoints(ctx);
        List<BridgeEndpoint> legs = builder.user(data.path("id").asString(""), options);
        if (legs.isEmpty()) {
            return Next.CONTINUE;
        }
        String strategy = data.path("strategy").asString("simultaneous");
        boolean ignoreEarlyMedia = !strategy.equals("single") || builder.ignoreEarlyMedia();
        return Bridging.after(ctx, Bridging.ring(ctx, legs, strategy, options.timeout(), null, ignoreEarlyMedia,
                Bridging.failOnSingleReject(ctx, data)));
    }
}
