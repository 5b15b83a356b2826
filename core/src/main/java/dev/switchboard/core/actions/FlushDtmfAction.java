package dev.switchboard.core.actions;

import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;

/**
 * {@code flush_dtmf} (spec §6.30): forgets a DTMF collection ({@code collection_name}, default "default"). The
 * "default" collection also holds the keys pressed while nothing was collecting, so those are dropped too.
 */
public final class FlushDtmfAction implements Action {

    @Override
    public String module() {
        return "flush_dtmf";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        String name = DtmfCollections.name(data);
        ctx.state().dtmfCollections().remove(name);
        if (name.equals(DtmfCollections.DEFAULT)) {
            ctx.call().takeBufferedDigits();
        }
        return Next.CONTINUE;
    }
}
