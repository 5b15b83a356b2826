package dev.switchboard.core.engine;

/** Busy-lamp and message-waiting state published to phones. */
public interface Presence {

    /** @param state "terminated" (idle), "early" (ringing), "confirmed" (busy) */
    void update(String presenceId, String state);

    /** Message waiting for a voicemail box's owner. */
    void messageWaiting(String accountId, String vmboxId, int newMessages, int savedMessages);
}
