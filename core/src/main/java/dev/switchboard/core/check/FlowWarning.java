package dev.switchboard.core.check;

/**
 * Something wrong with a saved flow that KAZOO would accept silently.
 *
 * @param path e.g. {@code flow.children.1.data.id}
 * @param code not_found (a referenced document does not exist), unreachable_child (the module never goes to
 *             that key), loop (callflows call each other with no caller input in between)
 */
public record FlowWarning(String path, String code, String message) {
}
