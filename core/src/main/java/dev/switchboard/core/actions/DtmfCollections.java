package dev.switchboard.core.actions;

import dev.switchboard.core.engine.ActionContext;
import tools.jackson.databind.JsonNode;

/**
 * The call's named DTMF collections (spec §5.3). KAZOO appends keys pressed during prompts to the "default"
 * collection; here those keys wait in the call's type-ahead buffer, so "default" is what was stored under that
 * name plus that buffer.
 */
final class DtmfCollections {
    static final String DEFAULT = "default";

    private DtmfCollections() {
    }

    /** The collection an action's data names in {@code collection_name}, "default" when none. */
    static String name(JsonNode data) {
        String name = data.path("collection_name").asString("");
        return name.isEmpty() ? DEFAULT : name;
    }

    /** Takes the "default" collection, type-ahead included, leaving it empty. */
    static String takeDefault(ActionContext ctx) {
        String stored = ctx.state().dtmfCollections().remove(DEFAULT);
        return (stored == null ? "" : stored) + ctx.call().takeBufferedDigits();
    }
}
