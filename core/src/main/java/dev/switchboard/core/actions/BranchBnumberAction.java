package dev.switchboard.core.actions;

import java.util.Optional;

import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import dev.switchboard.core.number.NumberNormalizer;
import dev.switchboard.core.routing.Route;
import dev.switchboard.core.schema.PcrePattern;
import tools.jackson.databind.JsonNode;

/**
 * {@code branch_bnumber} (spec §6.8): the capture group ("B-number") of a feature code picks the child named after
 * it, or, with {@code hunt}, the callflow it routes to. A hunt honours {@code hunt_allow} (an invalid regex allows
 * nothing) and {@code hunt_deny} (an invalid regex is ignored), and reaches the account's {@code no_match} callflow
 * only for calls that may use it (§3.4).
 */
public final class BranchBnumberAction implements Action {

    @Override
    public String module() {
        return "branch_bnumber";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        String number = NumberNormalizer.normalize(ctx.state().captureGroup());
        if (number == null || number.isEmpty()) {
            return Next.CONTINUE;
        }
        if (!data.path("hunt").asBoolean(false)) {
            return Next.to(number);
        }
        if (!allowed(data, number)) {
            ctx.event("hunt:denied:" + number);
            return Next.CONTINUE;
        }
        boolean mayUseNoMatch = !ctx.call().info().fromCarrier();
        Optional<Route> found = ctx.route(number, mayUseNoMatch).filter(r -> mayUseNoMatch || !r.noMatch());
        if (found.isEmpty()) {
            ctx.event("hunt:not_found:" + number);
            return Next.CONTINUE;
        }
        return Hunting.branch(ctx, found.get());
    }

    private static boolean allowed(JsonNode data, String number) {
        String allow = data.path("hunt_allow").asString("");
        String deny = data.path("hunt_deny").asString("");
        if (!allow.isEmpty() && !(PcrePattern.isValid(allow) && PcrePattern.compile(allow).matcher(number).find())) {
            return false;
        }
        return deny.isEmpty() || !PcrePattern.isValid(deny) || !PcrePattern.compile(deny).matcher(number).find();
    }
}
