package dev.switchboard.sip.message;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SipParserTest {
    static final String INVITE = """
            INVITE sip:bob@biloxi.example.com SIP/2.0\r
            Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds, SIP/2.0/TCP proxy.example.com:5070;branch=z9hG4bKabc;received=10.0.0.1\r
            Max-Forwards: 70\r
            To: Bob <sip:bob@biloxi.example.com>\r
            From: "Alice A." <sip:alice@atlanta.example.com>;tag=1928301774\r
            i: a84b4c76e66710@pc33.atlanta.example.com\r
            CSeq: 314159 INVITE\r
            m: <sip:alice@pc33.atlanta.example.com;transport=tcp>;expires=60, <sip:alice@[2001:db8::1]:5062>\r
            Content-Type: application/sdp\r
            Content-Length: 4\r
            \r
            v=0
            """;

    final SipParser parser = new SipParser();

    @Test
    void parsesATypicalInviteWithCompactFormsAndLists() throws Exception {
        SipRequest r = (SipRequest) parser.parse(INVITE.getBytes(StandardCharsets.UTF_8));
        assertThat(r.method()).isEqualTo("INVITE");
        assertThat(r.requestUri().user()).isEqualTo("bob");
        assertThat(r.callId()).isEqualTo("a84b4c76e66710@pc33.atlanta.example.com");
        assertThat(r.cseq()).isEqualTo(new CSeq(314159, "INVITE"));
        assertThat(r.from().displayName()).isEqualTo("Alice A.");
        assertThat(r.from().tag()).contains("1928301774");
        assertThat(r.to().displayName()).isEqualTo("Bob");
        assertThat(r.vias()).hasSize(2);
        assertThat(r.vias().get(1).transport()).isEqualTo("TCP");
        assertThat(r.vias().get(1).port()).isEqualTo(5070);
        assertThat(r.vias().get(1).received()).contains("10.0.0.1");
        assertThat(r.contacts()).extracting(c -> c.uri().host()).containsExactly("pc33.atlanta.example.com", "[2001:db8::1]");
        assertThat(r.contacts().get(0).param("expires")).contains("60");
        assertThat(r.contacts().get(1).uri().port()).isEqualTo(5062);
        assertThat(r.maxForwards()).hasValue(70);
        assertThat(r.contentType()).contains("application/sdp");
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("v=0\n");
    }

    @Test
    void serializedMessageParsesBackToTheSameValues() throws Exception {
        SipRequest r = (SipRequest) parser.parse(INVITE.getBytes(StandardCharsets.UTF_8));
        SipRequest again = (SipRequest) parser.parse(r.toBytes(), 0, r.toBytes().length, false);
        assertThat(again.toString()).isEqualTo(r.toString());
        assertThat(again.headers().first("Content-Length")).isEmpty();
        assertThat(r.toString()).contains("Call-ID: a84b4c76e66710@pc33.atlanta.example.com\r\n").contains("Content-Length: 4\r\n\r\nv=0\n");
    }

    @Test
    void responseCopiesDialogHeadersAndAddsTheToTag() throws Exception {
        SipRequest r = (SipRequest) parser.parse(INVITE.getBytes(StandardCharsets.UTF_8));
        SipResponse ok = r.createResponse(200, "OK", "abc");
        assertThat(ok.to().tag()).contains("abc");
        assertThat(ok.vias()).hasSize(2);
        assertThat(ok.cseq().method()).isEqualTo("INVITE");
        SipResponse parsed = (SipResponse) parser.parse(ok.toBytes());
        assertThat(parsed.status()).isEqualTo(200);
        assertThat(parsed.reason()).isEqualTo("OK");
    }

    @Test
    void streamFramingUsesContentLength() throws Exception {
        byte[] one = INVITE.getBytes(StandardCharsets.UTF_8);
        byte[] two = new byte[one.length * 2];
        System.arraycopy(one, 0, two, 0, one.length);
        System.arraycopy(one, 0, two, one.length, one.length);
        assertThat(parser.frameLength(two, 0, two.length)).isEqualTo(one.length);
        assertThat(parser.frameLength(two, 0, one.length - 1)).isEqualTo(-1);
    }

    @Test
    void aMissingCallIdIsRejectedWithAResponseThatCanStillBeFormed() {
        String bad = INVITE.replace("i: a84b4c76e66710@pc33.atlanta.example.com\r\n", "");
        assertThatThrownBy(() -> parser.parse(bad.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(SipParseException.class, e -> {
                    assertThat(e.canRespond()).isTrue();
                    assertThat(e.errorResponse().orElseThrow().status()).isEqualTo(400);
                });
    }
}
