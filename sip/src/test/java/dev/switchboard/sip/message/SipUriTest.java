package dev.switchboard.sip.message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SipUriTest {
    @Test
    void readsEveryPart() {
        SipUri u = SipUri.parse("sips:alice:secret@[2001:db8::10]:5061;transport=tls;lr?Subject=hi%20there&Priority=urgent");
        assertThat(u.scheme()).isEqualTo("sips");
        assertThat(u.user()).isEqualTo("alice");
        assertThat(u.password()).isEqualTo("secret");
        assertThat(u.host()).isEqualTo("[2001:db8::10]");
        assertThat(u.port()).isEqualTo(5061);
        assertThat(u.transportParam()).contains("tls");
        assertThat(u.hasParam("lr")).isTrue();
        assertThat(u.header("subject")).contains("hi there");
        assertThat(u.isSecure()).isTrue();
        assertThat(u.toString()).isEqualTo("sips:alice:secret@[2001:db8::10]:5061;transport=tls;lr?Subject=hi%20there&Priority=urgent");
        assertThat(SipUri.parse(u.toString())).isEqualTo(u);
    }

    @Test
    void telAndOtherSchemes() {
        SipUri tel = SipUri.parse("tel:+1-201-555-0123;phone-context=example.com");
        assertThat(tel.isTel()).isTrue();
        assertThat(tel.user()).isEqualTo("+1-201-555-0123");
        assertThat(tel.param("phone-context")).contains("example.com");
        assertThat(tel.toString()).isEqualTo("tel:+1-201-555-0123;phone-context=example.com");
        SipUri urn = SipUri.parse("urn:service:sos");
        assertThat(urn.isSip()).isFalse();
        assertThat(urn.opaque()).isEqualTo("service:sos");
    }

    @Test
    void buildersAndWithers() {
        SipUri u = SipUri.sip("1001", "pbx.example.com", -1).withParam("transport", "tcp").withPort(5080)
                .withHeader("Replaces", "abc@host;to-tag=1;from-tag=2");
        assertThat(u.toString()).isEqualTo("sip:1001@pbx.example.com:5080;transport=tcp?Replaces=abc%40host%3Bto-tag%3D1%3Bfrom-tag%3D2");
        assertThat(SipUri.parse(u.toString()).header("Replaces")).contains("abc@host;to-tag=1;from-tag=2");
        assertThat(u.withoutParam("transport").withoutHeaders().toString()).isEqualTo("sip:1001@pbx.example.com:5080");
        assertThat(u.addressOfRecord()).isEqualTo("1001@pbx.example.com");
    }

    @Test
    void anUnescapedAtInAUriHeaderIsRead() {
        SipUri u = SipUri.parse("sip:bob@example.com?Replaces=12345@192.0.2.1%3Bto-tag%3Da%3Bfrom-tag%3Db");
        assertThat(u.user()).isEqualTo("bob");
        assertThat(u.host()).isEqualTo("example.com");
        assertThat(u.header("Replaces")).contains("12345@192.0.2.1;to-tag=a;from-tag=b");
    }

    @ParameterizedTest(name = "{0} equals {1}")
    @CsvSource(delimiter = '|', value = {
            "sip:%61lice@atlanta.com;transport=TCP|sip:alice@AtLanTa.CoM;Transport=tcp",
            "sip:carol@chicago.com|sip:carol@chicago.com;newparam=5",
            "sip:carol@chicago.com;security=on|sip:carol@chicago.com;newparam=5",
            "sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com|sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com",
            "sip:alice@atlanta.com?subject=project%20x&priority=urgent|sip:alice@atlanta.com?priority=urgent&subject=project%20x"})
    void rfc3261EqualUris(String a, String b) {
        assertThat(SipUri.parse(a)).isEqualTo(SipUri.parse(b));
        assertThat(SipUri.parse(b)).isEqualTo(SipUri.parse(a));
        assertThat(SipUri.parse(a).hashCode()).isEqualTo(SipUri.parse(b).hashCode());
    }

    @ParameterizedTest(name = "{0} differs from {1}")
    @CsvSource(delimiter = '|', value = {
            "SIP:ALICE@AtLanTa.CoM;Transport=udp|sip:alice@AtLanTa.CoM;Transport=UDP",
            "sip:bob@biloxi.com|sip:bob@biloxi.com:5060",
            "sip:bob@biloxi.com|sip:bob@biloxi.com;transport=udp",
            "sip:bob@biloxi.com|sip:bob@biloxi.com:6000;transport=tcp",
            "sip:carol@chicago.com|sip:carol@chicago.com?Subject=next%20meeting",
            "sip:bob@phone21.boxesbybob.com|sip:bob@192.0.2.4"})
    void rfc3261DifferentUris(String a, String b) {
        assertThat(SipUri.parse(a)).isNotEqualTo(SipUri.parse(b));
        assertThat(SipUri.parse(b)).isNotEqualTo(SipUri.parse(a));
    }

    @ParameterizedTest
    @CsvSource({"sip:", "sip:@host", "sip:user@", "sip:user@host:99999", "sip:user@ho st", "<sip:a@b>", "nocolon", "sip:a@[::1"})
    void rejectsWhatIsNotAUri(String text) {
        assertThatThrownBy(() -> SipUri.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nameAddressesAndVias() {
        NameAddress a = NameAddress.parse("\"Alice \\\"A\\\"\" <sip:alice@example.com;transport=tcp>;tag=x1;expires=60");
        assertThat(a.displayName()).isEqualTo("Alice \"A\"");
        assertThat(a.uri().transportParam()).contains("tcp");
        assertThat(a.tag()).contains("x1");
        assertThat(NameAddress.parse(a.toString())).isEqualTo(a);
        NameAddress bare = NameAddress.parse("sip:bob@example.com;tag=t9");
        assertThat(bare.tag()).contains("t9");
        assertThat(bare.uri().params().isEmpty()).isTrue();
        assertThat(bare.withTag("t10").toString()).isEqualTo("<sip:bob@example.com>;tag=t10");

        Via v = Via.parse("SIP/2.0/TCP [2001:db8::1]:5070;branch=z9hG4bKabc;rport=1234;received=192.0.2.1");
        assertThat(v.transport()).isEqualTo("TCP");
        assertThat(v.host()).isEqualTo("[2001:db8::1]");
        assertThat(v.port()).isEqualTo(5070);
        assertThat(v.rport()).hasValue(1234);
        assertThat(v.received()).contains("192.0.2.1");
        assertThat(v.hasRfc3261Branch()).isTrue();
        assertThat(Via.parse(v.toString())).isEqualTo(v);
        assertThat(Via.parse("SIP/2.0/UDP host;rport").rport()).isEmpty();
        assertThat(Via.parse("SIP/2.0/UDP host;rport").hasRport()).isTrue();
        assertThatThrownBy(() -> CSeq.parse("2147483648 INVITE")).isInstanceOf(IllegalArgumentException.class);
    }
}
