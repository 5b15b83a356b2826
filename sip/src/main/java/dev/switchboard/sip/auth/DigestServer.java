package dev.switchboard.sip.auth;

import dev.switchboard.sip.message.HeaderNames;
import dev.switchboard.sip.message.SipRequest;
import dev.switchboard.sip.message.SipResponse;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Digest authentication for requests we receive (RFC 3261 §22, RFC 7616, RFC 8760): challenges offering SHA-256 and
 * MD5 with {@code qop=auth}, and verification with nonce expiry and replay protection. Nonces are self-validating
 * (time, randomness and an HMAC under a per-process key), so a challenge costs no memory; a nonce is remembered only
 * once used, to check that its {@code nc} increases and that a nonce without qop is used once. Thread-safe.
 */
public final class DigestServer {
    private static final int NONCE_BYTES = 8 + 8 + 16;

    private final Duration nonceLifetime;
    private final Clock clock;
    private final SecretKeySpec key;
    private final String opaque;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Long> usedNonces = new ConcurrentHashMap<>();
    private volatile long nextPurge;

    public DigestServer(Duration nonceLifetime, Clock clock) {
        this.nonceLifetime = nonceLifetime;
        this.clock = clock;
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        byte[] o = new byte[8];
        random.nextBytes(o);
        this.opaque = HexFormat.of().formatHex(o);
    }

    /** Nonces live 300 s. */
    public DigestServer() {
        this(Duration.ofSeconds(300), Clock.systemUTC());
    }

    /**
     * A 401 (or 407 when {@code proxy}) to {@code request} with two challenges, SHA-256 first then MD5, as RFC 8760
     * orders them; {@code stale} marks a retry after {@link DigestResult.Outcome#STALE}.
     */
    public SipResponse challenge(SipRequest request, String realm, boolean proxy, boolean stale, String toTag) {
        SipResponse r = request.createResponse(proxy ? 407 : 401, null, toTag);
        String header = proxy ? HeaderNames.PROXY_AUTHENTICATE : HeaderNames.WWW_AUTHENTICATE;
        String nonce = newNonce();
        r.headers().add(header, challengeValue(realm, nonce, DigestAlgorithm.SHA_256, stale));
        r.headers().add(header, challengeValue(realm, nonce, DigestAlgorithm.MD5, stale));
        return r;
    }

    /** One challenge header value. */
    public String challengeValue(String realm, String nonce, DigestAlgorithm algorithm, boolean stale) {
        return "Digest realm=" + AuthHeader.quoted(realm) + ", nonce=" + AuthHeader.quoted(nonce) + ", opaque="
                + AuthHeader.quoted(opaque) + ", algorithm=" + algorithm.headerName() + ", qop=\"auth\""
                + (stale ? ", stale=true" : "");
    }

    /** A fresh nonce. */
    public String newNonce() {
        ByteBuffer b = ByteBuffer.allocate(NONCE_BYTES);
        b.putLong(clock.millis());
        byte[] salt = new byte[8];
        random.nextBytes(salt);
        b.put(salt);
        b.put(mac(b.array(), 16), 0, 16);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    /**
     * Verifies the request's Authorization (or Proxy-Authorization when {@code proxy}) for {@code realm}. Credentials
     * in other schemes or realms are ignored. The password comes from {@code lookup}.
     */
    public DigestResult verify(SipRequest request, String realm, boolean proxy, CredentialLookup lookup) {
        purgeExpired();
        String headerName = proxy ? HeaderNames.PROXY_AUTHORIZATION : HeaderNames.AUTHORIZATION;
        AuthHeader credentials = null;
        for (String value : request.headers().all(headerName)) {
            try {
                AuthHeader h = AuthHeader.parse(value);
                if (h.isDigest() && realm.equals(h.param("realm").orElse(null))) {
                    credentials = h;
                    break;
                }
            } catch (IllegalArgumentException e) {
                return DigestResult.invalid(null, "malformed credentials: " + e.getMessage());
            }
        }
        if (credentials == null) return DigestResult.missing();
        String username = credentials.param("username").orElse(null);
        String nonce = credentials.param("nonce").orElse(null);
        String uri = credentials.param("uri").orElse(null);
        String response = credentials.param("response").orElse(null);
        if (username == null || nonce == null || uri == null || response == null)
            return DigestResult.invalid(username, "credentials lack username, nonce, uri or response");
        Optional<DigestAlgorithm> algorithm = DigestAlgorithm.fromHeader(credentials.param("algorithm").orElse(null));
        if (algorithm.isEmpty()) return DigestResult.invalid(username, "unsupported algorithm");
        String qop = credentials.param("qop").orElse(null);
        String nc = credentials.param("nc").orElse(null);
        String cnonce = credentials.param("cnonce").orElse(null);
        if (qop != null && (!qop.equals("auth") || nc == null || cnonce == null))
            return DigestResult.invalid(username, "qop other than auth, or nc/cnonce missing");
        Optional<Credential> credential = lookup.find(username, realm);
        if (credential.isEmpty()) return DigestResult.invalid(username, "unknown user");
        String ha1 = credential.get().ha1(algorithm.get(), username, realm);
        if (ha1 == null) return DigestResult.invalid(username, "no secret for " + algorithm.get().headerName());
        String expected = algorithm.get().response(ha1, nonce, nc, cnonce, qop, request.method(), uri);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), response.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII)))
            return DigestResult.invalid(username, "wrong response (password)");
        long issued = issuedAt(nonce);
        if (issued < 0 || clock.millis() - issued > nonceLifetime.toMillis()) return DigestResult.stale(username);
        long count;
        if (qop == null) {
            count = 0;
        } else {
            try {
                count = Long.parseLong(nc, 16);
            } catch (NumberFormatException e) {
                return DigestResult.invalid(username, "bad nc");
            }
        }
        boolean[] fresh = {false};
        usedNonces.compute(nonce, (n, last) -> {
            if (last == null || (qop != null && count > last)) {
                fresh[0] = true;
                return count;
            }
            return last;
        });
        if (!fresh[0]) return DigestResult.invalid(username, qop == null ? "nonce reused without qop" : "nc did not increase (replay)");
        return DigestResult.ok(username);
    }

    /** When the nonce was issued, or -1 when it is not one of ours (forged, or from before a restart). */
    private long issuedAt(String nonce) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return -1;
        }
        if (raw.length != NONCE_BYTES) return -1;
        byte[] expected = mac(raw, 16);
        for (int i = 0; i < 16; i++) {
            if (raw[16 + i] != expected[i]) return -1;
        }
        return ByteBuffer.wrap(raw).getLong();
    }

    private byte[] mac(byte[] data, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(data, 0, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Forgets used nonces once they have expired anyway, at most once per lifetime. */
    private void purgeExpired() {
        long now = clock.millis();
        if (now < nextPurge) return;
        nextPurge = now + nonceLifetime.toMillis();
        usedNonces.keySet().removeIf(n -> {
            long issued = issuedAt(n);
            return issued < 0 || now - issued > nonceLifetime.toMillis();
        });
    }
}
