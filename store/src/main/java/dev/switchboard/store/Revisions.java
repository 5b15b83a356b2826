package dev.switchboard.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Revisions and fresh ids, in KAZOO's shapes. */
final class Revisions {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private Revisions() {
    }

    /** {@code "<n>-<md5 of the stored body text>"}. */
    static String revision(int number, String bodyText) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return number + "-" + HEX.formatHex(md5.digest(bodyText.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }

    /** 32 lowercase hex characters, like a CouchDB uuid. */
    static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HEX.formatHex(bytes);
    }
}
