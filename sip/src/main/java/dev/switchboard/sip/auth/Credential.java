package dev.switchboard.sip.auth;

/**
 * What the server knows of a user's secret: the password, or precomputed HA1 values (H(user:realm:password)) per
 * algorithm for stores that never keep the password. A null HA1 means that algorithm cannot be verified.
 */
public record Credential(String password, String md5Ha1, String sha256Ha1) {

    public static Credential password(String password) {
        return new Credential(password, null, null);
    }

    public static Credential ha1(String md5Ha1, String sha256Ha1) {
        return new Credential(null, md5Ha1, sha256Ha1);
    }

    /** HA1 for {@code algorithm}, or null when it cannot be computed from what is known. */
    String ha1(DigestAlgorithm algorithm, String username, String realm) {
        if (password != null) return algorithm.ha1(username, realm, password);
        return algorithm == DigestAlgorithm.MD5 ? md5Ha1 : sha256Ha1;
    }
}
