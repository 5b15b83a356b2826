package dev.switchboard.sip.auth;

import dev.switchboard.sip.message.NameAddress;
import dev.switchboard.sip.message.SipRequest;
import dev.switchboard.sip.message.SipResponse;
import dev.switchboard.sip.message.SipUri;
import dev.switchboard.sip.message.Via;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DigestTest {
    private static final String REALM = "acme.example.com";

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) { now = now.plus(d); }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }

        @Override public Clock withZone(ZoneId zone) { return this; }

        @Override public Instant instant() { return now; }
    }

    private final MovableClock clock = new MovableClock();
    private final DigestServer server = new DigestServer(Duration.ofSeconds(300), clock);
    private final CredentialLookup lookup = (user, realm) -> user.equals("1001") && realm.equals(REALM)
            ? Optional.of(Credential.password("s3cret")) : Optional.empty();

    private static SipRequest register() {
        SipUri aor = SipUri.sip("1001", REALM, -1);
        return SipRequest.builder("REGISTER", SipUri.sip(null, REALM, -1))
                .via(Via.of("UDP", "192.0.2.10", 5060, "z9hG4bK-1"))
                .from(NameAddress.of(aor).withTag("f1")).to(NameAddress.of(aor))
                .callId("reg-1").cseq(1)
                .contact(NameAddress.of(SipUri.sip("1001", "192.0.2.10", 5060)))
                .build();
    }

    @Test
    void rfc7616Vectors() {
        String nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
        String cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
        for (var c : new Object[][]{{DigestAlgorithm.MD5, "8ca523f5e9506fed4657c9700eebdbec"},
                {DigestAlgorithm.SHA_256, "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"}}) {
            DigestAlgorithm a = (DigestAlgorithm) c[0];
            String ha1 = a.ha1("Mufasa", "http-auth@example.org", "Circle of Life");
            assertThat(a.response(ha1, nonce, "00000001", cnonce, "auth", "GET", "/dir/index.html")).isEqualTo(c[1]);
        }
    }

    @Test
    void rfc2617Vector() {
        String ha1 = DigestAlgorithm.MD5.ha1("Mufasa", "testrealm@host.com", "Circle Of Life");
        assertThat(DigestAlgorithm.MD5.response(ha1, "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b", "auth",
                "GET", "/dir/index.html")).isEqualTo("6629fae49393a05397450978507c4ef1");
    }

    @Test
    void aChallengeOffersSha256ThenMd5WithQopAuth() {
        SipResponse challenge = server.challenge(register(), REALM, false, false, "t1");
        assertThat(challenge.status()).isEqualTo(401);
        assertThat(challenge.to().tag()).contains("t1");
        var offers = challenge.headers().all("WWW-Authenticate").stream().map(AuthHeader::parse).toList();
        assertThat(offers).extracting(h -> h.param("algorithm").orElseThrow()).containsExactly("SHA-256", "MD5");
        assertThat(offers).allSatisfy(h -> {
            assertThat(h.param("realm")).contains(REALM);
            assertThat(h.param("qop")).contains("auth");
            assertThat(h.param("stale")).isEmpty();
        });
        assertThat(server.challenge(register(), REALM, true, true, "t1").headers().first("Proxy-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).contains("stale=true"));
    }

    @Test
    void theClientAnswersAndTheServerAcceptsSha256() {
        DigestClient client = new DigestClient("1001", "s3cret");
        SipRequest retry = client.authorize(register(), server.challenge(register(), REALM, false, false, "t")).orElseThrow();
        assertThat(retry.cseq().number()).isEqualTo(2);
        assertThat(retry.headers().contains("Via")).as("the stack adds a new Via").isFalse();
        assertThat(retry.header("Authorization")).hasValueSatisfying(v -> assertThat(v).contains("algorithm=SHA-256"));
        DigestResult result = server.verify(retry, REALM, false, lookup);
        assertThat(result.ok()).isTrue();
        assertThat(result.username()).isEqualTo("1001");
    }

    @Test
    void md5AloneWorksAndSoDoesAStoredHa1() {
        SipResponse challenge = server.challenge(register(), REALM, false, false, "t");
        challenge.headers().remove("WWW-Authenticate");
        challenge.headers().add("WWW-Authenticate", "Digest realm=\"" + REALM + "\", nonce=\"" + server.newNonce() + "\", qop=\"auth\"");
        SipRequest retry = new DigestClient("1001", "s3cret").authorize(register(), challenge).orElseThrow();
        assertThat(retry.header("Authorization")).hasValueSatisfying(v -> assertThat(v).contains("algorithm=MD5"));
        String ha1 = DigestAlgorithm.MD5.ha1("1001", REALM, "s3cret");
        assertThat(server.verify(retry, REALM, false, (u, r) -> Optional.of(Credential.ha1(ha1, null))).ok()).isTrue();
    }

    @Test
    void aWrongPasswordOrUnknownUserIsInvalid() {
        SipResponse challenge = server.challenge(register(), REALM, false, false, "t");
        SipRequest wrong = new DigestClient("1001", "guess").authorize(register(), challenge).orElseThrow();
        assertThat(server.verify(wrong, REALM, false, lookup).outcome()).isEqualTo(DigestResult.Outcome.INVALID);
        SipRequest stranger = new DigestClient("9999", "s3cret").authorize(register(), challenge).orElseThrow();
        assertThat(server.verify(stranger, REALM, false, lookup).outcome()).isEqualTo(DigestResult.Outcome.INVALID);
    }

    @Test
    void aReplayedNonceCountIsRejectedAndTheNextCountAccepted() {
        DigestClient client = new DigestClient("1001", "s3cret");
        SipResponse challenge = server.challenge(register(), REALM, false, false, "t");
        SipRequest first = client.authorize(register(), challenge).orElseThrow();
        assertThat(server.verify(first, REALM, false, lookup).ok()).isTrue();
        assertThat(server.verify(first, REALM, false, lookup).outcome()).isEqualTo(DigestResult.Outcome.INVALID);
        SipRequest second = client.authorize(register(), challenge).orElseThrow();
        assertThat(second.header("Authorization")).hasValueSatisfying(v -> assertThat(v).contains("nc=00000002"));
        assertThat(server.verify(second, REALM, false, lookup).ok()).isTrue();
    }

    @Test
    void aNonceWithoutQopServesOnce() {
        String nonce = server.newNonce();
        SipRequest request = register();
        String ha1 = DigestAlgorithm.MD5.ha1("1001", REALM, "s3cret");
        String uri = request.requestUri().toString();
        String response = DigestAlgorithm.MD5.response(ha1, nonce, null, null, null, "REGISTER", uri);
        request.headers().add("Authorization", "Digest username=\"1001\", realm=\"" + REALM + "\", nonce=\"" + nonce
                + "\", uri=\"" + uri + "\", response=\"" + response + "\"");
        assertThat(server.verify(request, REALM, false, lookup).ok()).isTrue();
        assertThat(server.verify(request, REALM, false, lookup).outcome()).isEqualTo(DigestResult.Outcome.INVALID);
    }

    @Test
    void anExpiredNonceWithTheRightPasswordIsStale() {
        SipRequest retry = new DigestClient("1001", "s3cret").authorize(register(), server.challenge(register(), REALM, false, false, "t")).orElseThrow();
        clock.advance(Duration.ofSeconds(301));
        DigestResult result = server.verify(retry, REALM, false, lookup);
        assertThat(result.outcome()).isEqualTo(DigestResult.Outcome.STALE);
        assertThat(result.username()).isEqualTo("1001");
    }

    @Test
    void aNonceFromAnotherServerIsNeverFresh() {
        DigestServer other = new DigestServer(Duration.ofSeconds(300), clock);
        SipRequest retry = new DigestClient("1001", "s3cret").authorize(register(), other.challenge(register(), REALM, false, false, "t")).orElseThrow();
        assertThat(server.verify(retry, REALM, false, lookup).ok()).isFalse();
    }

    @Test
    void credentialsInAnotherSchemeOrRealmAreIgnored() {
        SipRequest unknownScheme = register();
        unknownScheme.headers().add("Authorization", "NoOneKnowsThisScheme opaque-data=here");
        assertThat(server.verify(unknownScheme, REALM, false, lookup).outcome()).isEqualTo(DigestResult.Outcome.MISSING);
        SipRequest otherRealm = new DigestClient("1001", "s3cret")
                .authorize(register(), server.challenge(register(), "elsewhere.example.com", false, false, "t")).orElseThrow();
        assertThat(server.verify(otherRealm, REALM, false, lookup).outcome()).isEqualTo(DigestResult.Outcome.MISSING);
        assertThat(server.verify(register(), REALM, false, lookup).outcome()).isEqualTo(DigestResult.Outcome.MISSING);
    }

    @Test
    void proxyChallengesAreAnsweredWithProxyAuthorization() {
        SipResponse challenge = server.challenge(register(), REALM, true, false, "t");
        assertThat(challenge.status()).isEqualTo(407);
        SipRequest retry = new DigestClient("1001", "s3cret").authorize(register(), challenge).orElseThrow();
        assertThat(retry.headers().contains("Authorization")).isFalse();
        assertThat(server.verify(retry, REALM, true, lookup).ok()).isTrue();
    }
}
