package dev.switchboard.sip.conformance;

import dev.switchboard.sip.message.NameAddress;
import dev.switchboard.sip.message.SipMessage;
import dev.switchboard.sip.message.SipParseException;
import dev.switchboard.sip.message.SipParser;
import dev.switchboard.sip.message.SipRequest;
import dev.switchboard.sip.message.SipResponse;
import dev.switchboard.sip.message.Via;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/** Every RFC 4475 torture message through the parser, as the corpus README says. */
class Rfc4475ParserTest {
    private final SipParser parser = new SipParser();

    static List<String> names() {
        return TortureCorpus.names();
    }

    @Test
    void everyFileHasAnExpectationAndEveryExpectationAFile() {
        assertThat(TortureCorpus.names()).containsExactlyInAnyOrderElementsOf(TortureCorpus.EXPECTED.keySet());
    }

    @ParameterizedTest
    @MethodSource("names")
    void parsesOrRejectsAsTheRfcSays(String name) throws Exception {
        TortureCorpus.Expectation expected = TortureCorpus.EXPECTED.get(name);
        byte[] bytes = TortureCorpus.bytes(name);
        switch (expected.parse()) {
            case VALID -> {
                SipMessage m = parser.parse(bytes);
                // a valid message survives a round trip through our serializer
                SipMessage again = parser.parse(m.toBytes());
                assertThat(again.startLine()).isEqualTo(m.startLine());
                assertThat(again.callId()).isEqualTo(m.callId());
                assertThat(again.body()).isEqualTo(m.body());
            }
            case INVALID_ANSWERED -> assertThatThrownBy(() -> parser.parse(bytes))
                    .isInstanceOfSatisfying(SipParseException.class, e -> {
                        assertThat(e.canRespond()).as("a response can be formed").isTrue();
                        SipResponse r = e.errorResponse().orElseThrow();
                        assertThat(r.status()).isEqualTo(expected.status());
                        assertThat(r.headers().first("Via")).isPresent();
                    });
            case INVALID_DROPPED -> assertThatThrownBy(() -> parser.parse(bytes))
                    .isInstanceOfSatisfying(SipParseException.class, e -> assertThat(e.canRespond()).isFalse());
        }
    }

    private SipRequest request(String name) throws SipParseException {
        return (SipRequest) parser.parse(TortureCorpus.bytes(name));
    }

    @Test
    void wsinvReadsThroughFoldsWhitespaceAndCompactForms() throws Exception {
        SipRequest r = request("wsinv");
        assertThat(r.requestUri().hasParam("unknownparam")).isTrue();
        assertThat(r.to().tag()).contains("1918181833n");
        assertThat(r.from().displayName()).isEqualTo("J Rosenberg \\\"");
        assertThat(r.from().tag()).contains("98asjd8");
        assertThat(r.maxForwards()).hasValue(68);
        assertThat(r.cseq().number()).isEqualTo(9);
        assertThat(r.vias()).extracting(Via::transport, Via::host, v -> v.branch().orElse(null)).containsExactly(
                org.assertj.core.groups.Tuple.tuple("UDP", "192.0.2.2", "390skdjuw"),
                org.assertj.core.groups.Tuple.tuple("TCP", "spindle.example.com", "z9hG4bK9ikj8"),
                org.assertj.core.groups.Tuple.tuple("UDP", "192.168.255.111", "z9hG4bK30239"));
        NameAddress contact = r.contacts().getFirst();
        assertThat(contact.displayName()).isEqualTo("Quoted string \"\"");
        assertThat(contact.param("newparam")).contains("newvalue");
        assertThat(contact.params().has("secondparam")).isTrue();
        assertThat(contact.param("q")).contains("0.33");
        assertThat(r.header("NewFangledHeader")).contains("newfangled value continued newfangled value");
        assertThat(r.header("Subject")).contains("");
        assertThat(r.routes().getFirst().uri().hasParam("lr")).isTrue();
        assertThat(r.body()).hasSize(150);
    }

    @Test
    void intmethKeepsTheUnusualTokensAndTheUserAndPassword() throws Exception {
        SipRequest r = request("intmeth");
        assertThat(r.method()).isEqualTo("!interesting-Method0123456789_*+`.%indeed'~");
        assertThat(r.requestUri().user()).isEqualTo("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*");
        assertThat(r.requestUri().password()).isEqualTo("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)");
        assertThat(r.to().displayName()).isEqualTo("BEL:\u0007 NUL:\u0000 DEL:\u007f");
        assertThat(r.from().displayName()).isEqualTo("token1~` token2'+_ token3*%!.-");
        assertThat(r.from().tag()).contains("_token~1'+`*%!-.");
        assertThat(r.callId()).isEqualTo("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{");
        assertThat(r.cseq().method()).isEqualTo(r.method());
        assertThat(r.header("extensionHeader-!.%*+_`'~")).hasValueSatisfying(v -> assertThat(v).endsWith("大停電"));
    }

    @Test
    void escapesAreDecodedInUsersButNotInHeaderNames() throws Exception {
        SipRequest esc01 = request("esc01");
        assertThat(esc01.requestUri().user()).isEqualTo("sips:user@example.com");
        assertThat(esc01.requestUri().host()).isEqualTo("example.net");
        assertThat(esc01.to().uri().user()).isEqualTo("user");
        assertThat(esc01.from().uri().user()).isEqualTo("I have spaces");
        assertThat(esc01.contentType()).contains("application/sdp");
        SipRequest esc02 = request("esc02");
        assertThat(esc02.method()).isEqualTo("RE%47IST%45R");
        assertThat(esc02.to().displayName()).isEqualTo("%Z%45");
        assertThat(esc02.contacts()).hasSize(2);
        assertThat(esc02.header("C%6Fntact")).contains("<sip:alias2@host2.example.com>");
        SipRequest escnull = request("escnull");
        assertThat(escnull.to().uri().user()).isEqualTo("null-\u0000-null");
        assertThat(escnull.contacts()).extracting(c -> c.uri().user()).containsExactly("\u0000", "\u0000\u0000");
    }

    @Test
    void otherValidRequests() throws Exception {
        assertThat(request("lwsdisp").from().displayName()).isEqualTo("caller");
        SipRequest semi = request("semiuri");
        assertThat(semi.requestUri().user()).isEqualTo("user;par=u@example.net");
        assertThat(semi.requestUri().host()).isEqualTo("example.com");
        assertThat(semi.tokens("Accept")).hasSize(6);
        assertThat(request("transports").vias()).extracting(Via::transport).containsExactly("UDP", "SCTP", "TLS", "UNKNOWN", "TCP");
        SipRequest mpart = request("mpart01");
        assertThat(mpart.contentType()).contains("multipart/mixed");
        assertThat(mpart.body()).hasSize(553);
        SipRequest dbl = request("dblreq");
        assertThat(dbl.method()).isEqualTo("REGISTER");
        assertThat(dbl.body()).isEmpty();
        SipRequest longreq = request("longreq");
        assertThat(longreq.vias()).hasSizeGreaterThan(30);
        assertThat(longreq.to().uri().port()).isEqualTo(6000);
        assertThat(request("badbranch").topVia().hasRfc3261Branch()).isFalse();
        SipRequest old = request("inv2543");
        assertThat(old.topVia().branch()).isEmpty();
        assertThat(old.maxForwards()).isEmpty();
        assertThat(old.body()).isNotEmpty();
    }

    @Test
    void registerParametersAreReadAsTheRfcDescribes() throws Exception {
        NameAddress bare = request("cparam01").contacts().getFirst();
        assertThat(bare.params().has("unknownparam")).as("outside <> it is a header parameter").isTrue();
        assertThat(bare.uri().params().isEmpty()).isTrue();
        NameAddress bracketed = request("cparam02").contacts().getFirst();
        assertThat(bracketed.uri().hasParam("unknownparam")).as("inside <> it is a URI parameter").isTrue();
        assertThat(bracketed.params().isEmpty()).isTrue();
        assertThat(request("regescrt").contacts().getFirst().uri().header("Route")).contains("<sip:sip.example.com>");
        SipRequest unksm2 = request("unksm2");
        assertThat(unksm2.to().uri().scheme()).isEqualTo("isbn");
        assertThat(unksm2.contacts().getFirst().uri().scheme()).isEqualTo("name");
        assertThat(request("unkscm").requestUri().isSip()).isFalse();
        assertThat(request("novelsc").requestUri().scheme()).isEqualTo("soap.beep");
    }

    @Test
    void responsesWithOddReasonPhrases() throws Exception {
        SipResponse unreason = (SipResponse) parser.parse(TortureCorpus.bytes("unreason"));
        assertThat(unreason.status()).isEqualTo(200);
        assertThat(unreason.reason()).isEqualTo("= 2**3 * 5**2 но сто девяносто девять - простое");
        SipResponse noreason = (SipResponse) parser.parse(TortureCorpus.bytes("noreason"));
        assertThat(noreason.status()).isEqualTo(100);
        assertThat(noreason.reason()).isEmpty();
        SipResponse bcast = (SipResponse) parser.parse(TortureCorpus.bytes("bcast"));
        assertThat(bcast.vias().get(1).host()).isEqualTo("255.255.255.255");
    }

    @Test
    void theErrorResponseNamesTheProblem() {
        try {
            parser.parse(TortureCorpus.bytes("mismatch01"));
            fail("mismatch01 parsed");
        } catch (SipParseException e) {
            String text = new String(e.errorResponse().orElseThrow().toBytes(), StandardCharsets.UTF_8);
            assertThat(text).startsWith("SIP/2.0 400 Bad Request (CSeq method INVITE does not match OPTIONS)");
        }
    }
}
