package dev.switchboard.sip.auth;

/**
 * The outcome of {@link DigestServer#verify}.
 *
 * @param outcome  what happened
 * @param username the authenticated (OK) or claimed user, null when there were no credentials
 * @param reason   why it failed, for logs (never sent to the peer)
 */
public record DigestResult(Outcome outcome, String username, String reason) {
    /** What the verification found. */
    public enum Outcome {
        /** Valid credentials for a fresh nonce: accept the request. */
        OK,
        /** No Digest credentials for this realm: challenge. */
        MISSING,
        /** Right password but an expired or unknown nonce: challenge again with {@code stale=true}. */
        STALE,
        /** Wrong password, unknown user, replayed or malformed credentials: challenge again or answer 403. */
        INVALID
    }

    public boolean ok() {
        return outcome == Outcome.OK;
    }

    static DigestResult ok(String username) {
        return new DigestResult(Outcome.OK, username, null);
    }

    static DigestResult missing() {
        return new DigestResult(Outcome.MISSING, null, "no credentials for the realm");
    }

    static DigestResult stale(String username) {
        return new DigestResult(Outcome.STALE, username, "stale nonce");
    }

    static DigestResult invalid(String username, String reason) {
        return new DigestResult(Outcome.INVALID, username, reason);
    }
}
