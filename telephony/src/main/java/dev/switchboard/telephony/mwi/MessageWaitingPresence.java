package dev.switchboard.telephony.mwi;

import dev.switchboard.core.engine.Presence;

/**
 * The engine's {@link Presence} with message waiting on real phones: a voicemail call that leaves, hears, saves or
 * deletes a message lights or darkens the lamps of its box; busy-lamp updates go on to {@code others}. The counts
 * the engine passes are not used: the lamp is read from the store, where the change is already committed.
 */
public final class MessageWaitingPresence implements Presence {
    private final MessageWaiting mwi;
    private final Presence others;

    public MessageWaitingPresence(MessageWaiting mwi, Presence others) {
        this.mwi = mwi;
        this.others = others;
    }

    @Override
    public void update(String presenceId, String state) {
        others.update(presenceId, state);
    }

    @Override
    public void messageWaiting(String accountId, String vmboxId, int newMessages, int savedMessages) {
        mwi.boxChanged(accountId, vmboxId);
    }
}
