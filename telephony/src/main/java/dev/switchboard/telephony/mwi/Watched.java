package dev.switchboard.telephony.mwi;

/**
 * What one lamp stands for: a single voicemail box (a phone subscribed to the mailbox number), or every box a user
 * owns (the phones of the user, KAZOO's unsolicited updates and a phone subscribed to its own address).
 *
 * @param boxId   the vmbox, or null for the owner's boxes
 * @param ownerId the user whose boxes count when {@code boxId} is null; null for a phone without owner (never waiting)
 */
record Watched(String accountId, String boxId, String ownerId) {

    static Watched box(String accountId, String boxId) {
        return new Watched(accountId, boxId, null);
    }

    static Watched owner(String accountId, String ownerId) {
        return new Watched(accountId, null, ownerId);
    }

    /** Whether a change to the box {@code boxId}, owned by {@code boxOwnerId} (may be null), changes this lamp. */
    boolean covers(String changedAccountId, String changedBoxId, String boxOwnerId) {
        if (!accountId.equals(changedAccountId)) {
            return false;
        }
        return boxId != null ? boxId.equals(changedBoxId) : ownerId != null && ownerId.equals(boxOwnerId);
    }
}
