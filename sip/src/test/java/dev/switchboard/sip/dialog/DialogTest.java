package dev.switchboard.sip.dialog;

import dev.switchboard.sip.message.NameAddress;
import dev.switchboard.sip.message.SipParser;
import dev.switchboard.sip.message.SipRequest;
import dev.switchboard.sip.message.SipResponse;
import dev.switchboard.sip.message.SipUri;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DialogTest {
    private static SipRequest invite() throws Exception {
        String text = "INVITE sip:bob@192.0.2.20 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.10;branch=z9hG4bK1\r\n"
                + "Record-Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>\r\n"
                + "From: \"Alice\" <sip:alice@example.com>;tag=alice1\r\n"
                + "To: <sip:bob@example.com>\r\n"
                + "Call-ID: call-1\r\nCSeq: 7 INVITE\r\n"
                + "Contact: <sip:alice@192.0.2.10:5062>\r\n\r\n";
        return (SipRequest) new SipParser().parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void uasDialogRoutesInRecordRouteOrderToTheCallersContact() throws Exception {
        SipRequest invite = invite();
        SipResponse ok = invite.createResponse(200, "OK", "bob1");
        Dialog d = Dialog.asUas(invite, ok);
        assertThat(d.id()).isEqualTo(new Dialog.Id("call-1", "bob1", "alice1"));
        assertThat(d.routeSet()).extracting(r -> r.uri().host()).containsExactly("p1.example.com", "p2.example.com");
        assertThat(d.remoteTarget()).isEqualTo(SipUri.parse("sip:alice@192.0.2.10:5062"));
        assertThat(d.isConfirmed()).isTrue();
        SipRequest bye = d.newRequest("BYE");
        assertThat(bye.requestUri()).isEqualTo(d.remoteTarget());
        assertThat(bye.from().tag()).contains("bob1");
        assertThat(bye.to().tag()).contains("alice1");
        assertThat(bye.routes()).hasSize(2);
        assertThat(bye.cseq().number()).isEqualTo(1);
        assertThat(d.newRequest("INFO").cseq().number()).isEqualTo(2);
        assertThat(d.nextHop().host()).isEqualTo("p1.example.com");
    }

    @Test
    void uacDialogReversesTheRouteSetAndRefreshesTheTarget() throws Exception {
        SipRequest invite = invite();
        SipResponse ok = invite.createResponse(200, "OK", "bob1");
        ok.headers().add("Contact", "<sip:bob@192.0.2.20:5070>");
        Dialog d = Dialog.asUac(invite, ok);
        assertThat(d.id()).isEqualTo(new Dialog.Id("call-1", "alice1", "bob1"));
        assertThat(d.routeSet()).extracting(r -> r.uri().host()).containsExactly("p2.example.com", "p1.example.com");
        SipRequest ack = d.newAck(7);
        assertThat(ack.cseq().number()).isEqualTo(7);
        assertThat(ack.method()).isEqualTo("ACK");
        assertThat(d.newRequest("BYE").cseq().number()).isEqualTo(8);
        SipRequest reinvite = d.newRequest("INVITE");
        reinvite.headers().add("Contact", "<sip:alice@198.51.100.1>");
        SipResponse reOk = reinvite.createResponse(200);
        reOk.headers().add("Contact", "<sip:bob@198.51.100.2>");
        d.refreshTarget(reOk);
        assertThat(d.remoteTarget().host()).isEqualTo("198.51.100.2");
        assertThat(d.matches(reOk)).isTrue();
        assertThatThrownBy(() -> d.newRequest("ACK")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void strictRoutersGetTheRequestUriAndTheTargetGoesLast() throws Exception {
        SipRequest invite = invite();
        invite.headers().set("Record-Route", "<sip:strict.example.com>");
        Dialog d = Dialog.asUas(invite, invite.createResponse(200, "OK", "b"));
        SipRequest bye = d.newRequest("BYE");
        assertThat(bye.requestUri().host()).isEqualTo("strict.example.com");
        assertThat(bye.routes()).extracting(NameAddress::uri).containsExactly(SipUri.parse("sip:alice@192.0.2.10:5062"));
    }

    @Test
    void remoteCseqMustIncrease() throws Exception {
        SipRequest invite = invite();
        Dialog d = Dialog.asUas(invite, invite.createResponse(200, "OK", "b"));
        SipRequest bye = d.newRequest("BYE");
        bye.headers().set("CSeq", "7 BYE");
        assertThat(d.acceptRemoteCseq(bye)).isFalse();
        bye.headers().set("CSeq", "8 BYE");
        assertThat(d.acceptRemoteCseq(bye)).isTrue();
    }

    @Test
    void replacesInAHeaderAndInAReferTo() throws Exception {
        Replaces r = Replaces.parse("425928@bobster.example.org;to-tag=7743;from-tag=6472;early-only");
        assertThat(r).isEqualTo(new Replaces("425928@bobster.example.org", "7743", "6472", true));
        assertThat(Replaces.parse(r.toString())).isEqualTo(r);
        SipRequest refer = SipRequest.builder("REFER", SipUri.sip("bob", "example.com", -1)).build();
        refer.headers().add("Refer-To", "<sip:carol@example.com?Replaces=425928%40bobster.example.org%3Bto-tag%3D7743%3Bfrom-tag%3D6472>");
        NameAddress referTo = Replaces.referTo(refer);
        assertThat(Replaces.fromReferTo(referTo)).contains(new Replaces("425928@bobster.example.org", "7743", "6472", false));
        SipRequest invite = invite();
        Dialog d = Dialog.asUas(invite, invite.createResponse(200, "OK", "bob1"));
        assertThat(new Replaces("call-1", "bob1", "alice1", false).matches(d)).isTrue();
        assertThatThrownBy(() -> Replaces.parse("abc;to-tag=1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reliableProvisionalsAndPrack() throws Exception {
        SipRequest invite = invite();
        invite.headers().add("Supported", "100rel, timer");
        assertThat(Reliable.offered(invite)).isTrue();
        assertThat(Reliable.required(invite)).isFalse();
        Reliable reliable = new Reliable();
        SipResponse ringing = invite.createResponse(180, "Ringing", "bob1");
        ringing.headers().add("Contact", "<sip:bob@192.0.2.20>");
        long rseq = reliable.makeReliable(ringing);
        assertThat(ringing.tokens("Require")).contains("100rel");
        assertThat(Reliable.rseqOf(ringing)).hasValue(rseq);
        SipResponse second = invite.createResponse(183, null, "bob1");
        assertThat(reliable.makeReliable(second)).isEqualTo(rseq + 1);
        Dialog early = Dialog.asUac(invite, ringing);
        assertThat(early.isConfirmed()).isFalse();
        SipRequest prack = Reliable.prack(early, ringing);
        assertThat(Reliable.RAck.parse(prack.header("RAck").orElseThrow())).isEqualTo(new Reliable.RAck(rseq, 7, "INVITE"));
    }

    @Test
    void optionsKeepAliveAndAnswer() {
        SipRequest ping = OptionsRequests.keepAlive(SipUri.parse("sip:1001@192.0.2.30:5060"), NameAddress.of(SipUri.sip("switchboard", "192.0.2.1", -1)));
        assertThat(ping.method()).isEqualTo("OPTIONS");
        assertThat(ping.from().tag()).isPresent();
        ping.headers().add("Via", "SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKk");
        SipResponse answer = OptionsRequests.answer(ping, java.util.List.of("INVITE", "BYE"), java.util.List.of("replaces"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Allow")).contains("INVITE, BYE");
        assertThat(answer.header("Supported")).contains("replaces");
    }
}
