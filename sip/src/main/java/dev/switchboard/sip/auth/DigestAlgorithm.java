package dev.switchboard.sip.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/** The digest algorithms of RFC 7616 (and RFC 8760 for SIP) we speak, and the response computation. */
public enum DigestAlgorithm {
    MD5("MD5", "MD5"),
    SHA_256("SHA-256", "SHA-256");

    private final String headerName;
    private final String jdkName;

    DigestAlgorithm(String headerName, String jdkName) {
        this.headerName = headerName;
        this.jdkName = jdkName;
    }

    /** As written in the {@code algorithm=} parameter. */
    public String headerName() {
        return headerName;
    }

    /** Reads {@code algorithm=}; a missing parameter means MD5 (RFC 2617). */
    public static Optional<DigestAlgorithm> fromHeader(String name) {
        if (name == null) return Optional.of(MD5);
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "MD5" -> Optional.of(MD5);
            case "SHA-256" -> Optional.of(SHA_256);
            default -> Optional.empty();
        };
    }

    /** Lower-case hex of the hash of {@code text} (UTF-8). */
    public String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(jdkName).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jdkName + " is part of every JDK", e);
        }
    }

    /** H(username:realm:password). */
    public String ha1(String username, String realm, String password) {
        return hash(username + ":" + realm + ":" + password);
    }

    /**
     * The {@code response} value: with qop {@code H(HA1:nonce:nc:cnonce:qop:HA2)}, without {@code H(HA1:nonce:HA2)},
     * where HA2 = H(method:uri).
     */
    public String response(String ha1, String nonce, String nc, String cnonce, String qop, String method, String uri) {
        String ha2 = hash(method + ":" + uri);
        return qop == null ? hash(ha1 + ":" + nonce + ":" + ha2)
                : hash(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }
}
