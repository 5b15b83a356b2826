package dev.switchboard.telephony.endpoint;

/** What we answer a gateway's 401/407 challenge with. {@code realm} null answers any realm. */
public record DigestCredentials(String username, String password, String realm) {
}
