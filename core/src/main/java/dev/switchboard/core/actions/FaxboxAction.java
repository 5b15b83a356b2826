package dev.switchboard.core.actions;

import java.util.Optional;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;

/**
 * {@code faxbox} (spec §6.29): receive a fax into the faxbox {@code id} (legacy {@code faxbox_id}), T.38 as the
 * node's {@code media.fax_option} or the faxbox's says. The faxbox's {@code notifications.inbound.email.send_to}
 * get the fax by e-mail. A faxbox that does not exist takes no fax: the call ends.
 */
public final class FaxboxAction implements Action {

    @Override
    public String module() {
        return "faxbox";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        String id = data.path("id").asString("");
        if (id.isEmpty()) {
            id = data.path("faxbox_id").asString("");
        }
        Optional<Document> faxbox = ctx.documents().get("faxbox", id.isEmpty() ? null : id);
        if (faxbox.isEmpty()) {
            ctx.event("faxbox_not_found:" + id);
            return Next.STOP;
        }
        JsonNode box = faxbox.get().body();
        return new FaxInbox(ctx).receive(FaxInbox.t38(data, box), FaxInbox.owner("faxbox_id", id),
                FaxInbox.addresses(box.path("notifications").path("inbound").path("email").get("send_to")));
    }
}
