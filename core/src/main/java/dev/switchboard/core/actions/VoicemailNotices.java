package dev.switchboard.core.actions;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.switchboard.core.call.Party;
import dev.switchboard.core.doc.AttachmentStore;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Notice;
import tools.jackson.databind.node.ObjectNode;

/**
 * E-mails about a box, to its owner (unless the owner turned {@code vm_to_email_enabled} off) and to the box's
 * {@code notify_email_addresses}: templates {@value #NEW_MESSAGE} and {@value #FULL}.
 */
final class VoicemailNotices {
    static final String NEW_MESSAGE = "voicemail_to_email";
    static final String FULL = "voicemail_full";
    /** Set on the box once its people were told it is full; cleared when it has room again. */
    static final String FULL_NOTIFIED = "pvt_full_notified";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm z", Locale.ROOT);

    private final ActionContext ctx;

    VoicemailNotices(ActionContext ctx) {
        this.ctx = ctx;
    }

    /**
     * A stored message reached its box: light the lamp and hand the e-mail over. The e-mail carries the box's
     * {@code save_after_notify} (which wins over {@code delete_after_notify}), done once it is delivered; a
     * message nobody is told about stays new.
     */
    void delivered(VoicemailBox box, Document message) {
        new VoicemailStore(ctx).publishWaiting(box.id());
        List<String> to = recipients(box);
        if (to.isEmpty()) {
            return;
        }
        List<Notice.Attachment> files = new ArrayList<>();
        if (box.includeMessageOnNotify()) {
            ctx.documents().attachment(message.id(), VoicemailStore.AUDIO).ifPresent(a ->
                    files.add(new Notice.Stored("voicemail-" + message.id() + extension(a), ctx.accountId(),
                            message.id(), VoicemailStore.AUDIO)));
        }
        Notice.Filing filing = box.saveAfterNotify() || box.deleteAfterNotify()
                ? new Notice.Filing(ctx.accountId(), message.id(),
                        box.saveAfterNotify() ? VoicemailStore.SAVED : VoicemailStore.DELETED)
                : null;
        ctx.services().notifier().send(new Notice(NEW_MESSAGE, to, values(box, message), files, filing));
    }

    private Map<String, String> values(VoicemailBox box, Document message) {
        String number = message.body().path("caller_id_number").asString("");
        String name = message.body().path("caller_id_name").asString("");
        long seconds = Math.round(message.body().path("length").asLong(0) / 1000.0);
        Instant left = Instant.ofEpochSecond(message.body().path("timestamp").asLong(0)
                - Document.GREGORIAN_UNIX_OFFSET);
        Map<String, String> values = boxValues(box);
        values.put("caller_id_name", name.isEmpty() ? number : name);
        values.put("caller_id_number", number);
        values.put("caller", CallSummary.caller(new Party(number, name)));
        values.put("length_seconds", Long.toString(seconds));
        values.put("length", "%d:%02d".formatted(seconds / 60, seconds % 60));
        values.put("date", WHEN.format(left.atZone(box.timezone(ctx))));
        values.put("message_id", message.id());
        return values;
    }

    private Map<String, String> boxValues(VoicemailBox box) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("mailbox", box.number(ctx));
        values.put("box_name", box.document().body().path("name").asString(""));
        values.put("account_name", ctx.documents().account().body().path("name").asString(""));
        return values;
    }

    private List<String> recipients(VoicemailBox box) {
        List<String> to = new ArrayList<>();
        box.owner(ctx).map(Document::body)
                .filter(u -> u.path("vm_to_email_enabled").asBoolean(true))
                .map(u -> u.path("email").asString(""))
                .filter(e -> !e.isBlank())
                .ifPresent(to::add);
        box.notifyEmailAddresses().stream().filter(a -> !to.contains(a)).forEach(to::add);
        return to;
    }

    /** Tells the box's people that callers are being turned away: once until the box has room again. */
    void full(VoicemailBox box, int count) {
        ObjectNode body = fresh(box);
        if (body.path(FULL_NOTIFIED).asBoolean(false)) {
            ctx.event("voicemail:full_already_notified");
            return;
        }
        List<String> to = recipients(box);
        if (!to.isEmpty()) {
            Map<String, String> values = boxValues(box);
            values.put("message_count", Integer.toString(count));
            values.put("max_message_count", Integer.toString(box.maxMessageCount()));
            ctx.services().notifier().send(new Notice(FULL, to, values));
        }
        ctx.documents().save(VoicemailBox.TYPE, box.id(), body.put(FULL_NOTIFIED, true));
    }

    /** The box has room: the next time it fills up, its people are told again. */
    void roomAgain(VoicemailBox box) {
        ObjectNode body = fresh(box);
        if (body.has(FULL_NOTIFIED)) {
            body.remove(FULL_NOTIFIED);
            ctx.documents().save(VoicemailBox.TYPE, box.id(), body);
        }
    }

    private ObjectNode fresh(VoicemailBox box) {
        return ctx.documents().get(VoicemailBox.TYPE, box.id()).map(Document::body).orElse(box.document().body())
                .deepCopy();
    }

    private static String extension(AttachmentStore.Attachment audio) {
        String type = audio.contentType() == null ? "" : audio.contentType();
        if (type.contains("mpeg") || type.contains("mp3")) {
            return ".mp3";
        }
        if (type.contains("mp4")) {
            return ".mp4";
        }
        return ".wav";
    }
}
