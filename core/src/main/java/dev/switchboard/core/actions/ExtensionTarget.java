package dev.switchboard.core.actions;

import java.util.Optional;

import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.routing.Route;
import tools.jackson.databind.JsonNode;

/**
 * Whose phone a feature code points at (spec §6.26, §6.34, §6.38): the extension's callflow, walked from its root
 * along "_" to the first node that rings someone; or a device by its SIP user name.
 *
 * @param key the data key naming it for the action that follows: {@code device_id}, {@code user_id},
 *            {@code group_id}
 */
record ExtensionTarget(String key, String id) {

    boolean isUser() {
        return key.equals("user_id");
    }

    /**
     * @param groups also stop at a {@code ring_group} or {@code page_group}, taking its first endpoint (pickup)
     */
    static Optional<ExtensionTarget> ofExtension(ActionContext ctx, String extension, boolean groups) {
        if (extension == null || extension.isEmpty()) {
            return Optional.empty();
        }
        Optional<Route> route = ctx.route(extension, false).filter(r -> !r.noMatch());
        JsonNode node = route.map(r -> r.callflow().body().path("flow")).orElse(null);
        while (node != null && node.isObject() && !node.isEmpty()) {
            String module = node.path("module").asString("");
            JsonNode data = node.path("data");
            if (module.equals("user") || module.equals("device")) {
                String id = data.path("id").asString("");
                return id.isEmpty() ? Optional.empty() : Optional.of(new ExtensionTarget(module + "_id", id));
            }
            if (groups && (module.equals("ring_group") || module.equals("page_group"))) {
                JsonNode first = data.path("endpoints").path(0);
                String id = first.path("id").asString("");
                String type = first.path("endpoint_type").asString("device");
                return id.isEmpty() ? Optional.empty() : Optional.of(new ExtensionTarget(type + "_id", id));
            }
            node = node.path("children").get("_");
        }
        return Optional.empty();
    }

    /** A device by its SIP user name (case does not matter, as in SIP). */
    static Optional<ExtensionTarget> ofSipUser(ActionContext ctx, String username) {
        if (username == null || username.isEmpty()) {
            return Optional.empty();
        }
        return ctx.documents().find(DocumentIndexes.DEVICE_SIP_USERNAME, username.toLowerCase(java.util.Locale.ROOT))
                .stream().filter(d -> d.type().equals("device")).findFirst()
                .map(d -> new ExtensionTarget("device_id", d.id()));
    }

    /** The user the target is or belongs to. */
    Optional<String> owner(ActionContext ctx) {
        if (isUser()) {
            return Optional.of(id);
        }
        return ctx.documents().get("device", id).map(d -> d.body().path("owner_id").asString(""))
                .filter(o -> !o.isEmpty());
    }
}
