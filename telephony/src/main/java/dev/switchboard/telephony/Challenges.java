package dev.switchboard.telephony;

import dev.switchboard.sip.auth.DigestAlgorithm;
import dev.switchboard.sip.auth.DigestServer;
import dev.switchboard.sip.message.HeaderNames;
import dev.switchboard.sip.message.SipRequest;
import dev.switchboard.sip.message.SipResponse;

/**
 * Our digest challenges: MD5 first, then SHA-256. RFC 8760 lists the preferred algorithm first, but many phones (and
 * sipp) answer only the first challenge and fail on SHA-256; those that speak SHA-256 find it second.
 */
public final class Challenges {
    private Challenges() {
    }

    /** A 401 ({@code proxy} false, REGISTER) or 407 (INVITE) with both challenges under one nonce. */
    public static SipResponse of(DigestServer digest, SipRequest request, String realm, boolean proxy, boolean stale,
                                 String toTag) {
        SipResponse r = request.createResponse(proxy ? 407 : 401, null, toTag);
        String header = proxy ? HeaderNames.PROXY_AUTHENTICATE : HeaderNames.WWW_AUTHENTICATE;
        String nonce = digest.newNonce();
        r.headers().add(header, digest.challengeValue(realm, nonce, DigestAlgorithm.MD5, stale));
        r.headers().add(header, digest.challengeValue(realm, nonce, DigestAlgorithm.SHA_256, stale));
        return r;
    }
}
