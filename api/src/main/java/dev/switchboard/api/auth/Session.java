package dev.switchboard.api.auth;

import java.time.Instant;

/**
 * Who a token speaks for.
 *
 * @param ownerId the signed-in user, or null for an account's API key
 */
public record Session(String token, String accountId, String ownerId, boolean admin, Instant expires, String method) {

    public boolean isExpired(Instant now) {
        return !now.isBefore(expires);
    }
}
