package dev.switchboard.core.engine;

import java.util.List;

/** E-mail and other notifications sent by actions (voicemail, missed_call_alert). */
public interface Notifier {

    record Attachment(String filename, String contentType, byte[] bytes) {
    }

    void email(List<String> to, String subject, String body, List<Attachment> attachments);
}
