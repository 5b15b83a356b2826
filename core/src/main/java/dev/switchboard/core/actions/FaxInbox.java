package dev.switchboard.core.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.switchboard.core.call.FaxResult;
import dev.switchboard.core.call.Party;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import dev.switchboard.core.engine.Notice;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Receiving a fax into the account, as KAZOO's fax application does once {@code faxbox} or {@code receive_fax}
 * hands the call over: a {@code fax} document (folder {@code inbox}) with the pages attached as {@value #PAGES}
 * (TIFF), written before anyone is e-mailed about it.
 */
final class FaxInbox {
    static final String TYPE = "fax";
    static final String PAGES = "fax";
    static final String TEMPLATE = "fax_to_email";
    private static final String TIFF = "image/tiff";

    private final ActionContext ctx;

    FaxInbox(ActionContext ctx) {
        this.ctx = ctx;
    }

    /**
     * T.38 as the node's {@code media.fax_option} says, else as {@code fallback} (the faxbox's or the user's) says;
     * "auto" and absent try it.
     */
    static boolean t38(JsonNode data, JsonNode fallback) {
        JsonNode option = data.path("media").get("fax_option");
        if (option == null || option.isNull()) {
            option = fallback.path("media").get("fax_option");
        }
        if (option == null || option.isNull()) {
            return true;
        }
        return option.isBoolean() ? option.asBoolean() : !option.asString("").equals("false");
    }

    /**
     * @param owner what the fax belongs to: {@code faxbox_id} and/or {@code owner_id}
     * @param to    who is e-mailed the fax
     */
    Next receive(boolean t38, ObjectNode owner, List<String> to) {
        ctx.event("fax_receive:" + (t38 ? "t38" : "audio"));
        FaxResult fax = ctx.call().receiveFax(t38);
        if (!fax.success()) {
            ctx.event("fax_failed:" + fax.error());
            return new Next.Handover("fax");
        }
        String id = UUID.randomUUID().toString().replace("-", "");
        byte[] pages = fax.tiff() == null ? new byte[0] : fax.tiff();
        ctx.documents().putAttachment(id, PAGES, TIFF, pages);
        Party from = ctx.call().callerId();
        ObjectNode body = owner.deepCopy()
                .put("folder", "inbox")
                .put("from_number", from.number())
                .put("from_name", from.name())
                .put("to_number", ctx.call().info().dialled())
                .put("pages", fax.pages())
                .put("timestamp", ctx.call().now().getEpochSecond() + Document.GREGORIAN_UNIX_OFFSET)
                .put("call_id", ctx.call().info().callId())
                .put("content_type", TIFF)
                .put("size", pages.length);
        ctx.documents().save(TYPE, id, body);
        ctx.event("fax:stored:" + id);
        if (!to.isEmpty()) {
            Map<String, String> values = Map.of("caller", CallSummary.caller(from),
                    "caller_id_name", from.name() == null ? "" : from.name(),
                    "caller_id_number", from.number() == null ? "" : from.number(),
                    "pages", Integer.toString(fax.pages()), "to", ctx.call().info().dialled(), "fax_id", id);
            ctx.services().notifier().send(new Notice(TEMPLATE, to, values,
                    List.of(new Notice.Inline("fax-" + id + ".tif", TIFF, pages)), null));
        }
        return new Next.Handover("fax");
    }

    /** A notification address list as KAZOO writes one: a string or an array of strings. */
    static List<String> addresses(JsonNode value) {
        List<String> out = new ArrayList<>();
        if (value != null && value.isString() && !value.asString().isBlank()) {
            out.add(value.asString());
        } else if (value != null && value.isArray()) {
            value.forEach(v -> {
                if (v.isString() && !v.asString().isBlank()) {
                    out.add(v.asString());
                }
            });
        }
        return out;
    }

    static ObjectNode owner(String field, String id) {
        return Json.object().put(field, id);
    }
}
