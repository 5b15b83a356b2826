package dev.switchboard.core.actions;

import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code set_cid} (spec §6.67): overrides the caller-ID name and number presented onwards; an empty value removes
 * an earlier override of that part.
 */
public final class SetCidAction implements Action {

    @Override
    public String module() {
        return "set_cid";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        String number = data.path("caller_id_number").asString("");
        String name = data.path("caller_id_name").asString("");
        ObjectNode kvs = ctx.state().kvs();
        set(kvs, PresentedCallerId.REWRITE_NUMBER, number);
        set(kvs, PresentedCallerId.REWRITE_NAME, name);
        ctx.event("cid_rewrite:" + number + ":" + name);
        PresentedCallerId.present(ctx);
        return Next.CONTINUE;
    }

    private static void set(ObjectNode kvs, String key, String value) {
        if (value.isEmpty()) {
            kvs.remove(key);
        } else {
            kvs.put(key, value);
        }
    }
}
