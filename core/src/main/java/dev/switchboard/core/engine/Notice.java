package dev.switchboard.core.engine;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An e-mail an action wants sent: which template, who to, the values its {@code {{placeholders}}} take, and what
 * to attach. The words themselves live in the templates, which an operator may change; core only says what happened.
 *
 * @param template     the template's name, e.g. {@code voicemail_to_email}, {@code missed_call_alert}
 * @param to           the recipients' addresses
 * @param values       placeholder name to value
 * @param attachments  files to attach
 * @param afterSending what to change once the e-mail is delivered, or null (KAZOO's {@code save_after_notify})
 */
public record Notice(String template, List<String> to, Map<String, String> values, List<Attachment> attachments,
                     Filing afterSending) {

    public Notice {
        Objects.requireNonNull(template, "template");
        to = List.copyOf(to);
        values = Map.copyOf(values);
        attachments = List.copyOf(attachments);
    }

    public Notice(String template, List<String> to, Map<String, String> values) {
        this(template, to, values, List.of(), null);
    }

    /** A file to attach: its bytes, or audio already in the store, read when the e-mail goes out. */
    public sealed interface Attachment {
        String filename();
    }

    public record Inline(String filename, String contentType, byte[] bytes) implements Attachment {
    }

    /** The attachment {@code name} of a document; the e-mail goes without it if it is gone by then. */
    public record Stored(String filename, String accountId, String documentId, String name) implements Attachment {
    }

    /** Moves a voicemail message that is still new to {@code folder} (saved, deleted) once its e-mail went out. */
    public record Filing(String accountId, String messageId, String folder) {
    }
}
