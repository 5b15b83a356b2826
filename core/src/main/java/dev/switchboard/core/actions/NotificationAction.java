package dev.switchboard.core.actions;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.core.call.Party;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import dev.switchboard.core.engine.Notice;
import tools.jackson.databind.JsonNode;

/**
 * {@code notification} (spec §6.48): e-mails the {@code recipients} about the call, when the node runs
 * ({@code send_at: callflow_exec}) or when the call ends ({@code channel_destroy}, the default). {@code template_id}
 * is required, as in KAZOO; the template document ({@code notification.<id>} or {@code <id>}) gives the subject, and
 * the e-mail template {@value #TEMPLATE} the body: the node's {@code comments}, then the call's facts. Only e-mail is sent: a
 * {@code notification_media} that leaves it out sends nothing. Always continues to "_".
 */
public final class NotificationAction implements Action {
    static final String TEMPLATE = "notification";

    @Override
    public String module() {
        return "notification";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        String template = data.path("template_id").asString("");
        if (template.isEmpty()) {
            ctx.event("notification:no_template");
            return Next.CONTINUE;
        }
        JsonNode media = data.path("notification_media");
        if (media.isArray() && media.valueStream().noneMatch(m -> m.asString("").equals("email"))) {
            ctx.event("notification:no_email_medium");
            return Next.CONTINUE;
        }
        Party caller = PresentedCallerId.own(ctx);
        Instant at = ctx.call().now();
        JsonNode settings = data.deepCopy();
        switch (data.path("send_at").asString("channel_destroy")) {
            case "callflow_exec" -> send(ctx, settings, caller, at);
            case "channel_destroy" -> {
                ctx.onEnd(() -> send(ctx, settings, caller, at));
                ctx.event("notification:armed");
            }
            default -> ctx.event("notification:invalid_send_at");
        }
        return Next.CONTINUE;
    }

    private static void send(ActionContext ctx, JsonNode data, Party caller, Instant at) {
        List<String> to = Recipients.emails(ctx, data.path("recipients"));
        if (to.isEmpty()) {
            ctx.event("notification:no_recipients");
            return;
        }
        String template = data.path("template_id").asString();
        String subject = ctx.documents().get("notification." + template).or(() -> ctx.documents().get(template))
                .map(Document::body).map(b -> b.path("subject").asString("")).filter(s -> !s.isBlank())
                .orElse("Call from " + CallSummary.caller(caller));
        String comments = data.path("comments").asString("");
        Map<String, String> values = new LinkedHashMap<>(CallSummary.values(ctx, caller, at));
        values.put("subject", subject);
        values.put("comments", comments.isBlank() ? "" : comments + "\n\n");
        ctx.services().notifier().send(new Notice(TEMPLATE, to, values));
    }
}
