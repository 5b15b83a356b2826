package dev.switchboard.core.actions;

import java.util.List;
import java.util.Optional;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code receive_fax} (spec §6.56): receive a fax for the user {@code owner_id}, T.38 as the node's
 * {@code media.fax_option} or the user's says; the user gets it by e-mail unless they turned
 * {@code fax_to_email_enabled} off. Without a known owner the fax is still kept, belonging to the account.
 */
public final class ReceiveFaxAction implements Action {

    @Override
    public String module() {
        return "receive_fax";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        String ownerId = data.path("owner_id").asString("");
        Optional<Document> user = ctx.documents().get("user", ownerId.isEmpty() ? null : ownerId);
        JsonNode profile = user.map(Document::body).orElse(Json.object());
        ObjectNode owner = user.isPresent() ? FaxInbox.owner("owner_id", ownerId) : Json.object();
        List<String> to = profile.path("fax_to_email_enabled").asBoolean(true)
                ? FaxInbox.addresses(profile.get("email")) : List.of();
        return new FaxInbox(ctx).receive(FaxInbox.t38(data, profile), owner, to);
    }
}
