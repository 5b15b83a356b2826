package dev.switchboard.core.actions;

import java.util.Map;

import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code manual_presence} (spec §6.42): sets a busy lamp by hand. {@code presence_id} (default: the capture group)
 * gets the account's realm when it has none; {@code status} idle, ringing or busy is published as terminated,
 * early or confirmed, and kept in the account's {@code manual_presence} document, which answers presence probes.
 */
public final class ManualPresenceAction implements Action {
    static final String DOCUMENT = "manual_presence";
    private static final Map<String, String> STATES = Map.of("idle", "terminated", "ringing", "early",
            "busy", "confirmed");

    @Override
    public String module() {
        return "manual_presence";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        ctx.call().answer();
        String presenceId = data.path("presence_id").asString("");
        if (presenceId.isBlank()) {
            presenceId = ctx.state().captureGroup() == null ? "" : ctx.state().captureGroup();
        }
        if (presenceId.isBlank()) {
            ctx.event("presence:no_id");
            return Next.CONTINUE;
        }
        if (!presenceId.contains("@")) {
            String realm = ctx.documents().account().body().path("realm").asString("");
            presenceId = realm.isEmpty() ? presenceId : presenceId + "@" + realm;
        }
        String state = STATES.getOrDefault(data.path("status").asString("idle"), "terminated");
        ObjectNode stored = ctx.documents().get(DOCUMENT).map(d -> d.body().deepCopy()).orElseGet(Json::object);
        stored.put(presenceId, state);
        ctx.documents().save(DOCUMENT, DOCUMENT, stored);
        ctx.services().presence().update(presenceId, state);
        return Next.CONTINUE;
    }
}
