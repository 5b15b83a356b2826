package dev.switchboard.core.engine;

/**
 * E-mail sent by actions (voicemail, missed_call_alert, notification, fax). {@link #send} returns once the notice
 * is safe (the production notifier has written it to the store); delivery may come later.
 */
public interface Notifier {

    void send(Notice notice);
}
