package dev.switchboard.core.actions;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.switchboard.core.doc.AttachmentStore;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Notifier;

/**
 * E-mails about a box: to its owner (unless the owner turned {@code vm_to_email_enabled} off) and to the box's
 * {@code notify_email_addresses}.
 */
final class VoicemailNotices {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm z", Locale.ROOT);

    private final ActionContext ctx;

    VoicemailNotices(ActionContext ctx) {
        this.ctx = ctx;
    }

    /**
     * A stored message reached its box: light the lamp, send the e-mail, and file the message away if the box
     * says so once its people were told ({@code save_after_notify} wins over {@code delete_after_notify}).
     */
    void delivered(VoicemailBox box, Document message) {
        VoicemailStore store = new VoicemailStore(ctx);
        store.publishWaiting(box.id());
        if (newMessage(box, message) && (box.saveAfterNotify() || box.deleteAfterNotify())) {
            store.move(message, box.saveAfterNotify() ? VoicemailStore.SAVED : VoicemailStore.DELETED);
            store.publishWaiting(box.id());
        }
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

    /**
     * Announces a new message, with its audio attached when the box says so.
     *
     * @return false when nobody was told (no addresses), so the message must stay where it is
     */
    private boolean newMessage(VoicemailBox box, Document message) {
        List<String> to = recipients(box);
        if (to.isEmpty()) {
            return false;
        }
        String number = message.body().path("caller_id_number").asString("");
        String name = message.body().path("caller_id_name").asString(number);
        long seconds = Math.round(message.body().path("length").asLong(0) / 1000.0);
        Instant left = Instant.ofEpochSecond(message.body().path("timestamp").asLong(0)
                - Document.GREGORIAN_UNIX_OFFSET);
        String subject = "New voicemail from " + name + (name.equals(number) ? "" : " (" + number + ")");
        String body = "Mailbox " + box.number(ctx) + " has a new message of " + seconds + " s from " + name
                + (name.equals(number) ? "" : " (" + number + ")") + ", left "
                + WHEN.format(left.atZone(box.timezone(ctx))) + ".";
        List<Notifier.Attachment> files = new ArrayList<>();
        if (box.includeMessageOnNotify()) {
            ctx.documents().attachment(message.id(), VoicemailStore.AUDIO).ifPresent(a ->
                    files.add(new Notifier.Attachment("voicemail-" + message.id() + extension(a), a.contentType(),
                            a.bytes())));
        }
        ctx.services().notifier().email(to, subject, body, files);
        return true;
    }

    /** Tells the box's people that callers are being turned away. */
    void full(VoicemailBox box, int count) {
        List<String> to = recipients(box);
        if (!to.isEmpty()) {
            ctx.services().notifier().email(to, "Voicemail box " + box.number(ctx) + " is full",
                    "Mailbox " + box.number(ctx) + " holds " + count + " messages, its limit; callers cannot "
                            + "leave new ones until some are deleted.", List.of());
        }
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
