package dev.switchboard.core.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * One node run: when, which module, where in the flow, which child it went to, and what it did to the call.
 *
 * @param path e.g. {@code flow.children.1.children._}; a flow entered by a branch is prefixed with its label,
 *             e.g. {@code callflow:<id>/flow.children._}
 * @param next the child key taken, or null when the flow ended or branched
 */
public record Step(long tMs, String module, String path, String next, List<String> events) {

    Step withNext(String key) {
        return new Step(tMs, module, path, key, events);
    }

    static Step start(long tMs, String module, String path) {
        return new Step(tMs, module, path, null, new ArrayList<>());
    }
}
