package dev.switchboard.core.actions;

import java.util.List;
import java.util.Optional;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.engine.ActionContext;
import tools.jackson.databind.JsonNode;

/**
 * The documents of whoever is calling: the authenticated device and its user. The user is the one hot-desked on
 * the device if any (KAZOO's first hot-desked user), else the call's owner, which {@code check_cid} may change.
 */
final class CallerEndpoint {
    static final String OWNER_ID = "owner_id";

    private CallerEndpoint() {
    }

    static Optional<Document> device(ActionContext ctx) {
        return ctx.documents().get("device", ctx.call().info().deviceId());
    }

    /** The caller's user id: the owner an action set on the call, else the calling device's owner. */
    static String ownerId(ActionContext ctx) {
        String set = ctx.state().kvs().path(OWNER_ID).asString("");
        return set.isEmpty() ? ctx.call().info().ownerId() : set;
    }

    static Optional<Document> user(ActionContext ctx) {
        Optional<String> hotDesked = device(ctx).flatMap(d -> d.body().path("hotdesk").path("users")
                .propertyNames().stream().findFirst());
        return ctx.documents().get("user", hotDesked.orElseGet(() -> ownerId(ctx)));
    }

    /**
     * A setting of the caller as the merged endpoint has it (spec §5.4): the device's own value, else its user's,
     * else the account's.
     */
    static Optional<JsonNode> setting(ActionContext ctx, String... path) {
        for (Optional<Document> doc : List.of(device(ctx), user(ctx), Optional.of(ctx.documents().account()))) {
            Optional<JsonNode> value = doc.map(d -> at(d.body(), path)).filter(v -> !v.isMissingNode() && !v.isNull());
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    static JsonNode at(JsonNode node, String... path) {
        JsonNode at = node;
        for (String key : path) {
            at = at.path(key);
        }
        return at;
    }
}
