package dev.switchboard.core.actions;

import dev.switchboard.core.call.Party;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import dev.switchboard.core.schema.PcrePattern;
import tools.jackson.databind.JsonNode;

/**
 * {@code check_cid} (spec §6.14): tests the caller-ID number against {@code regex} (default {@code .*}, found
 * anywhere) and continues to {@code nomatch}, {@code match}, or in absolute mode the child named after the number;
 * a missing child means "_". When a match child is taken, {@code caller_id.external.name} / {@code .number} become
 * the call's caller ID and {@code user_id} its owner, each one that is given. An invalid regex continues to "_".
 */
public final class CheckCidAction implements Action {

    @Override
    public String module() {
        return "check_cid";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        Party caller = PresentedCallerId.own(ctx);
        String regex = data.path("regex").asString(".*");
        if (!PcrePattern.isValid(regex)) {
            ctx.event("cid:invalid_regex");
            return Next.CONTINUE;
        }
        if (!PcrePattern.compile(regex).matcher(caller.number()).find()) {
            ctx.event("cid:nomatch");
            return Next.to("nomatch");
        }
        String key = data.path("use_absolute_mode").asBoolean(false) ? caller.number() : "match";
        ctx.event("cid:match");
        if (ctx.hasChild(key)) {
            takeIdentity(ctx, data, caller);
        }
        return Next.to(key);
    }

    private static void takeIdentity(ActionContext ctx, JsonNode data, Party caller) {
        JsonNode external = data.path("caller_id").path("external");
        String name = external.path("name").asString("");
        String number = external.path("number").asString("");
        if (!name.isEmpty() || !number.isEmpty()) {
            PresentedCallerId.own(ctx, new Party(number.isEmpty() ? caller.number() : number,
                    name.isEmpty() ? caller.name() : name));
        }
        String owner = data.path("user_id").asString("");
        if (!owner.isEmpty()) {
            ctx.state().kvs().put(CallerEndpoint.OWNER_ID, owner);
            ctx.event("owner:" + owner);
        }
    }
}
