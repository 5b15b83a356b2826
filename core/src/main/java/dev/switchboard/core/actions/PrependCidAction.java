package dev.switchboard.core.actions;

import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code prepend_cid} (spec §6.54): prefixes the caller-ID name and number presented onwards. {@code apply_to:
 * original} replaces the prefixes; {@code current} (default) puts the new one in front of the existing one, except
 * when the existing one already starts with it, so a flow that loops through the node does not pile it up.
 * {@code action: reset} removes both prefixes.
 */
public final class PrependCidAction implements Action {

    @Override
    public String module() {
        return "prepend_cid";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        ObjectNode kvs = ctx.state().kvs();
        if (data.path("action").asString("prepend").equals("reset")) {
            kvs.remove(PresentedCallerId.PREFIX_NUMBER);
            kvs.remove(PresentedCallerId.PREFIX_NAME);
            ctx.event("cid_prefix:reset");
        } else {
            boolean replace = data.path("apply_to").asString("current").equals("original");
            String number = prefix(kvs, PresentedCallerId.PREFIX_NUMBER,
                    data.path("caller_id_number_prefix").asString(""), replace);
            String name = prefix(kvs, PresentedCallerId.PREFIX_NAME, data.path("caller_id_name_prefix").asString(""),
                    replace);
            ctx.event("cid_prefix:" + number + ":" + name);
        }
        PresentedCallerId.present(ctx);
        return Next.CONTINUE;
    }

    private static String prefix(ObjectNode kvs, String key, String added, boolean replace) {
        String existing = kvs.path(key).asString("");
        String prefix = replace || existing.isEmpty() ? added : existing.startsWith(added) ? existing : added + existing;
        kvs.put(key, prefix);
        return prefix;
    }
}
