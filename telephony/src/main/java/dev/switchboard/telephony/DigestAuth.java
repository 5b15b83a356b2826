package dev.switchboard.telephony;

import java.util.List;

import dev.switchboard.sip.auth.CredentialLookup;
import dev.switchboard.sip.auth.DigestAlgorithm;
import dev.switchboard.sip.auth.DigestResult;
import dev.switchboard.sip.auth.DigestServer;
import dev.switchboard.sip.message.HeaderNames;
import dev.switchboard.sip.message.SipRequest;
import dev.switchboard.sip.message.SipResponse;

/**
 * How phones prove who they are: the digest challenges we send, with the algorithms configured (MD5 alone by default,
 * as KAZOO's FreeSWITCH and Kamailio: libre-based phones such as baresip abort on any SHA-256 challenge, and sipp
 * answers only the first), and the verification of their answers (MD5 and SHA-256 both accepted).
 */
public final class DigestAuth {
    private final DigestServer digest;
    private final List<DigestAlgorithm> offered;

    /** @param offered the challenges sent, in this order; not empty */
    public DigestAuth(DigestServer digest, List<DigestAlgorithm> offered) {
        if (offered.isEmpty()) {
            throw new IllegalArgumentException("at least one digest algorithm must be offered");
        }
        this.digest = digest;
        this.offered = List.copyOf(offered);
    }

    /** A 401 ({@code proxy} false, REGISTER) or 407 (INVITE) with a challenge per algorithm under one nonce. */
    public SipResponse challenge(SipRequest request, String realm, boolean proxy, boolean stale, String toTag) {
        SipResponse r = request.createResponse(proxy ? 407 : 401, null, toTag);
        String header = proxy ? HeaderNames.PROXY_AUTHENTICATE : HeaderNames.WWW_AUTHENTICATE;
        String nonce = digest.newNonce();
        for (DigestAlgorithm algorithm : offered) {
            r.headers().add(header, digest.challengeValue(realm, nonce, algorithm, stale));
        }
        return r;
    }

    public DigestResult verify(SipRequest request, String realm, boolean proxy, CredentialLookup lookup) {
        return digest.verify(request, realm, proxy, lookup);
    }
}
