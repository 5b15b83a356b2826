package dev.switchboard.core.actions;

import tools.jackson.databind.JsonNode;

/**
 * {@code offnet} (spec §6.49): {@code resources} with {@code use_local_resources} forced to false (the system's
 * carriers). Deprecated in KAZOO in favour of resources.
 */
public final class OffnetAction extends ResourcesAction {

    @Override
    public String module() {
        return "offnet";
    }

    @Override
    boolean global(JsonNode data) {
        return true;
    }
}
