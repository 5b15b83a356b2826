package dev.switchboard.sip.auth;

import java.util.Optional;

/** Finds a user's secret by the username and realm of an Authorization header. Called on the verifying thread. */
@FunctionalInterface
public interface CredentialLookup {
    Optional<Credential> find(String username, String realm);
}
