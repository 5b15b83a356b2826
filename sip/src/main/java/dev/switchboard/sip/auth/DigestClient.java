package dev.switchboard.sip.auth;

import dev.switchboard.sip.message.CSeq;
import dev.switchboard.sip.message.HeaderNames;
import dev.switchboard.sip.message.SipRequest;
import dev.switchboard.sip.message.SipResponse;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Answers 401/407 challenges for requests we send (to carrier gateways, RFC 3261 §22.2): picks SHA-256 when offered,
 * else MD5, uses {@code qop=auth} when offered, and counts {@code nc} per nonce. One instance per set of credentials;
 * thread-safe.
 */
public final class DigestClient {
    private final String username;
    private final String password;
    private final SecureRandom random = new SecureRandom();
    private String lastNonce;
    private long nonceCount;

    public DigestClient(String username, String password) {
        this.username = username;
        this.password = password;
    }

    /**
     * The request to send again: a copy of {@code request} with the next CSeq, no Via (the stack adds one with a new
     * branch) and an Authorization (401) or Proxy-Authorization (407) header for each supported challenge realm.
     * Empty when the response carries no challenge we can answer.
     */
    public Optional<SipRequest> authorize(SipRequest request, SipResponse challenge) {
        boolean proxy = challenge.status() == 407;
        String challengeHeader = proxy ? HeaderNames.PROXY_AUTHENTICATE : HeaderNames.WWW_AUTHENTICATE;
        String credentialsHeader = proxy ? HeaderNames.PROXY_AUTHORIZATION : HeaderNames.AUTHORIZATION;
        AuthHeader chosen = choose(challenge.headers().all(challengeHeader));
        if (chosen == null) return Optional.empty();
        SipRequest retry = request.copy();
        retry.headers().remove(HeaderNames.VIA);
        retry.headers().remove(credentialsHeader);
        CSeq cseq = request.cseq();
        if (!request.isMethod(SipRequest.ACK) && !request.isMethod(SipRequest.CANCEL))
            retry.headers().set(HeaderNames.CSEQ, new CSeq(cseq.number() + 1, cseq.method()).toString());
        retry.headers().add(credentialsHeader, credentials(chosen, request.method(), request.requestUri().toString()));
        return Optional.of(retry);
    }

    /** The Authorization value answering {@code challenge} for {@code method} and {@code uri}. */
    public synchronized String credentials(AuthHeader challenge, String method, String uri) {
        DigestAlgorithm algorithm = DigestAlgorithm.fromHeader(challenge.param("algorithm").orElse(null)).orElseThrow();
        String realm = challenge.param("realm").orElse("");
        String nonce = challenge.param("nonce").orElse("");
        boolean qopAuth = challenge.param("qop").map(q -> List.of(q.split("\\s*,\\s*")).contains("auth")).orElse(false);
        if (!nonce.equals(lastNonce)) {
            lastNonce = nonce;
            nonceCount = 0;
        }
        String nc = String.format("%08x", ++nonceCount);
        byte[] c = new byte[8];
        random.nextBytes(c);
        String cnonce = HexFormat.of().formatHex(c);
        String ha1 = algorithm.ha1(username, realm, password);
        String response = algorithm.response(ha1, nonce, qopAuth ? nc : null, qopAuth ? cnonce : null,
                qopAuth ? "auth" : null, method, uri);
        StringBuilder b = new StringBuilder("Digest username=").append(AuthHeader.quoted(username))
                .append(", realm=").append(AuthHeader.quoted(realm))
                .append(", nonce=").append(AuthHeader.quoted(nonce))
                .append(", uri=").append(AuthHeader.quoted(uri))
                .append(", response=").append(AuthHeader.quoted(response))
                .append(", algorithm=").append(algorithm.headerName());
        challenge.param("opaque").ifPresent(o -> b.append(", opaque=").append(AuthHeader.quoted(o)));
        if (qopAuth) b.append(", qop=auth, nc=").append(nc).append(", cnonce=").append(AuthHeader.quoted(cnonce));
        return b.toString();
    }

    private static AuthHeader choose(List<String> values) {
        AuthHeader md5 = null;
        for (String v : values) {
            AuthHeader h;
            try {
                h = AuthHeader.parse(v);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (!h.isDigest()) continue;
            Optional<DigestAlgorithm> a = DigestAlgorithm.fromHeader(h.param("algorithm").orElse(null));
            if (a.isEmpty()) continue;
            if (a.get() == DigestAlgorithm.SHA_256) return h;
            if (md5 == null) md5 = h;
        }
        return md5;
    }
}
