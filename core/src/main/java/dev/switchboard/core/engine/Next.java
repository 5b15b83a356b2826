package dev.switchboard.core.engine;

import tools.jackson.databind.node.ObjectNode;

/** Where the flow goes after an action (spec §4.4–4.6). */
public sealed interface Next {
    /** The "_" child. */
    Next CONTINUE = new Continue("_");
    Next STOP = new Stop(null);

    /** To the child {@code key}, falling back to "_", then stopping. */
    record Continue(String key) implements Next {
    }

    /** Replace the rest of the flow by {@code flow}; this node's "_" child runs when it stops (sub-routine). */
    record Branch(ObjectNode flow, String label) implements Next {
    }

    /** Done: pop the return stack, or end the call (with {@code cause}, when one is given). */
    record Stop(String cause) implements Next {
    }

    /** End now, without popping the return stack. */
    record HardStop() implements Next {
    }

    /**
     * The call left the flow without being hung up: another part took it over.
     *
     * @param end what it became: conference, fax, parked, transferred
     */
    record Handover(String end) implements Next {
    }

    static Next to(String key) {
        return new Continue(key);
    }
}
