package dev.switchboard.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.media.Codec;
import dev.switchboard.media.Direction;
import dev.switchboard.media.SdpException;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Offer/answer cases of RFC 4317 (SDP Offer/Answer Examples). Its host names are replaced by documentation
 * addresses (RFC 5737) because SDP in the wild carries literal addresses and tests must not resolve names.
 */
class SdpNegotiatorTest {
    private static final String ALICE = "192.0.2.10";

    private SdpNegotiator bob() {
        return new SdpNegotiator("192.0.2.20", 49174, List.of(Codec.PCMU, Codec.PCMA), 101);
    }

    private static String sdp(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    /** RFC 4317 §2.1: audio and video offered; we take audio (PCMU, first in the offer) and refuse video. */
    @Test
    void audioAndVideoOfferKeepsAudioAndRejectsVideoWithPortZero() throws Exception {
        String offer = sdp("v=0", "o=alice 2890844526 2890844526 IN IP4 " + ALICE, "s=", "c=IN IP4 " + ALICE,
                "t=0 0", "m=audio 49170 RTP/AVP 0 8 97", "a=rtpmap:0 PCMU/8000", "a=rtpmap:8 PCMA/8000",
                "a=rtpmap:97 iLBC/8000", "m=video 51372 RTP/AVP 31 32", "a=rtpmap:31 H261/90000",
                "a=rtpmap:32 MPV/90000");
        SdpNegotiator bob = bob();

        String answer = bob.answer(offer, Direction.SENDRECV);

        assertThat(answer).contains("m=audio 49174 RTP/AVP 0\r\n", "a=rtpmap:0 PCMU/8000", "m=video 0 RTP/AVP 31 32",
                "a=sendrecv");
        assertThat(answer.indexOf("m=audio")).isLessThan(answer.indexOf("m=video"));
        Negotiated n = bob.negotiated().orElseThrow();
        assertThat(n.codec()).isEqualTo(Codec.PCMU);
        assertThat(n.telephoneEventType()).isEqualTo(-1);
        assertThat(n.remoteRtp()).contains(new InetSocketAddress(ALICE, 49170));
        assertThat(n.remoteRtcp()).contains(new InetSocketAddress(ALICE, 49171));
        assertThat(n.direction()).isEqualTo(Direction.SENDRECV);
    }

    /** RFC 4317 §2.2 style: the answerer supports a subset; the offerer's order decides. */
    @Test
    void codecSubsetFollowsTheOfferersOrder() throws Exception {
        String offer = sdp("v=0", "o=alice 1 1 IN IP4 " + ALICE, "s=-", "c=IN IP4 " + ALICE, "t=0 0",
                "m=audio 49170 RTP/AVP 97 8 0", "a=rtpmap:97 iLBC/8000", "a=rtpmap:8 PCMA/8000",
                "a=rtpmap:0 PCMU/8000");
        SdpNegotiator bob = bob();
        String answer = bob.answer(offer, Direction.SENDRECV);
        assertThat(bob.negotiated().orElseThrow().codec()).isEqualTo(Codec.PCMA);
        assertThat(answer).contains("m=audio 49174 RTP/AVP 8\r\n").doesNotContain("iLBC").doesNotContain("PCMU");
    }

    /** Static payload types may come without rtpmap lines. */
    @Test
    void staticPayloadTypesNeedNoRtpmap() throws Exception {
        String offer = sdp("v=0", "o=- 1 1 IN IP4 " + ALICE, "s=-", "c=IN IP4 " + ALICE, "t=0 0",
                "m=audio 4000 RTP/AVP 18 8");
        SdpNegotiator bob = bob();
        bob.answer(offer, Direction.SENDRECV);
        assertThat(bob.negotiated().orElseThrow().codec()).isEqualTo(Codec.PCMA);
    }

    /** RFC 4317 §2.4 style: telephone-event accepted with the offerer's payload type. */
    @Test
    void telephoneEventTakesTheOfferersPayloadType() throws Exception {
        String offer = sdp("v=0", "o=alice 1 1 IN IP4 " + ALICE, "s=-", "c=IN IP4 " + ALICE, "t=0 0",
                "m=audio 49170 RTP/AVP 0 96", "a=rtpmap:0 PCMU/8000", "a=rtpmap:96 telephone-event/8000",
                "a=fmtp:96 0-15", "a=ptime:30");
        SdpNegotiator bob = bob();
        String answer = bob.answer(offer, Direction.SENDRECV);
        assertThat(answer).contains("m=audio 49174 RTP/AVP 0 96\r\n", "a=rtpmap:96 telephone-event/8000",
                "a=fmtp:96 0-16", "a=ptime:30");
        assertThat(bob.negotiated().orElseThrow().telephoneEventType()).isEqualTo(96);
        assertThat(bob.negotiated().orElseThrow().ptimeMs()).isEqualTo(30);
    }

    /** RFC 4317 §2.5 style: nothing in common, so the only stream would be rejected: a 488 for the SIP side. */
    @Test
    void noCommonCodecIsAClearError() {
        String offer = sdp("v=0", "o=alice 1 1 IN IP4 " + ALICE, "s=-", "c=IN IP4 " + ALICE, "t=0 0",
                "m=audio 49170 RTP/AVP 97 9", "a=rtpmap:97 iLBC/8000", "a=rtpmap:9 G722/8000");
        assertThatThrownBy(() -> bob().answer(offer, Direction.SENDRECV))
                .isInstanceOf(SdpException.class)
                .hasMessage("no common codec: we support [PCMU, PCMA] over RTP/AVP; the offer has audio with [ILBC,"
                        + " G722]");
    }

    @Test
    void encryptedAudioOnlyIsRefusedWithTheReason() {
        String offer = sdp("v=0", "o=- 1 1 IN IP4 " + ALICE, "s=-", "c=IN IP4 " + ALICE, "t=0 0",
                "m=audio 9 UDP/TLS/RTP/SAVPF 0 8");
        assertThatThrownBy(() -> bob().answer(offer, Direction.SENDRECV))
                .isInstanceOf(SdpException.class).hasMessageContaining("encrypted media is not supported");
    }

    @Test
    void videoOnlyOfferHasNoAudio() {
        String offer = sdp("v=0", "o=- 1 1 IN IP4 " + ALICE, "s=-", "c=IN IP4 " + ALICE, "t=0 0",
                "m=video 51372 RTP/AVP 31");
        assertThatThrownBy(() -> bob().answer(offer, Direction.SENDRECV))
                .isInstanceOf(SdpException.class).hasMessage("the offer has no audio stream");
    }

    /** RFC 4317 §5.1 style hold and resume: sendonly answered recvonly, then sendrecv again in a re-offer. */
    @Test
    void holdWithSendonlyThenResume() throws Exception {
        SdpNegotiator bob = bob();
        String first = bob.answer(offer("a=sendrecv", ALICE), Direction.SENDRECV);
        String hold = bob.answer(offer("a=sendonly", ALICE), Direction.SENDRECV);
        assertThat(hold).contains("a=recvonly");
        assertThat(bob.negotiated().orElseThrow().direction()).isEqualTo(Direction.RECVONLY);
        assertThat(version(hold)).isGreaterThan(version(first));
        assertThat(sessionId(hold)).isEqualTo(sessionId(first));

        String resume = bob.answer(offer("a=sendrecv", ALICE), Direction.SENDRECV);
        assertThat(resume).contains("a=sendrecv");
        assertThat(bob.negotiated().orElseThrow().direction()).isEqualTo(Direction.SENDRECV);
    }

    /** RFC 4317 §5.2 style: inactive answered inactive. */
    @Test
    void holdWithInactive() throws Exception {
        SdpNegotiator bob = bob();
        assertThat(bob.answer(offer("a=inactive", ALICE), Direction.SENDRECV)).contains("a=inactive");
        assertThat(bob.negotiated().orElseThrow().direction()).isEqualTo(Direction.INACTIVE);
    }

    /** RFC 2543 hold: c=0.0.0.0 means "do not send to me"; we stop sending but still listen. */
    @Test
    void holdWithNullAddress() throws Exception {
        SdpNegotiator bob = bob();
        String answer = bob.answer(offer("a=sendrecv", "0.0.0.0"), Direction.SENDRECV);
        assertThat(answer).contains("a=recvonly");
        Negotiated n = bob.negotiated().orElseThrow();
        assertThat(n.direction().sends()).isFalse();
        assertThat(n.remoteRtp()).isEmpty();
    }

    @Test
    void recvonlyOfferIsAnsweredSendonly() throws Exception {
        SdpNegotiator bob = bob();
        assertThat(bob.answer(offer("a=recvonly", ALICE), Direction.SENDRECV)).contains("a=sendonly");
    }

    @Test
    void ourOfferAndItsAnswer() throws Exception {
        SdpNegotiator alice = new SdpNegotiator(ALICE, 20000, List.of(Codec.PCMU, Codec.PCMA), 101);
        String offer = alice.offer(Direction.SENDRECV);
        assertThat(offer).contains("m=audio 20000 RTP/AVP 0 8 101\r\n", "a=rtpmap:101 telephone-event/8000",
                "a=fmtp:101 0-16", "a=ptime:20", "a=sendrecv", "c=IN IP4 " + ALICE);

        SdpNegotiator bob = bob();
        String answer = bob.answer(offer, Direction.SENDRECV);
        Negotiated n = alice.acceptAnswer(answer);

        assertThat(n.codec()).isEqualTo(Codec.PCMU);
        assertThat(n.telephoneEventType()).isEqualTo(101);
        assertThat(n.remoteRtp()).contains(new InetSocketAddress("192.0.2.20", 49174));
        assertThat(n.direction()).isEqualTo(Direction.SENDRECV);
    }

    @Test
    void ourHoldOfferAcceptsARecvonlyAnswer() throws Exception {
        SdpNegotiator alice = new SdpNegotiator(ALICE, 20000, List.of(Codec.PCMU), 101);
        String offer = alice.offer(Direction.SENDONLY);
        assertThat(offer).contains("a=sendonly");
        String answer = bob().answer(offer, Direction.SENDRECV);
        assertThat(answer).contains("a=recvonly");
        assertThat(alice.acceptAnswer(answer).direction()).isEqualTo(Direction.SENDONLY);
    }

    @Test
    void answersThatRejectAudioOrChooseAnotherCodecFail() {
        SdpNegotiator alice = new SdpNegotiator(ALICE, 20000, List.of(Codec.PCMU), 101);
        alice.offer(Direction.SENDRECV);
        assertThatThrownBy(() -> alice.acceptAnswer(sdp("v=0", "o=- 1 1 IN IP4 " + ALICE, "s=-",
                "c=IN IP4 " + ALICE, "t=0 0", "m=audio 0 RTP/AVP 0")))
                .isInstanceOf(SdpException.class).hasMessageContaining("rejected the audio stream");
        assertThatThrownBy(() -> alice.acceptAnswer(sdp("v=0", "o=- 1 1 IN IP4 " + ALICE, "s=-",
                "c=IN IP4 " + ALICE, "t=0 0", "m=audio 3000 RTP/AVP 8")))
                .isInstanceOf(SdpException.class).hasMessageContaining("no codec we offered");
    }

    @Test
    void garbageIsAnSdpException() {
        assertThatThrownBy(() -> bob().answer("", Direction.SENDRECV)).isInstanceOf(SdpException.class);
        assertThatThrownBy(() -> bob().answer("hello world", Direction.SENDRECV)).isInstanceOf(SdpException.class);
        assertThatThrownBy(() -> bob().answer(sdp("v=0", "m=audio x RTP/AVP 0"), Direction.SENDRECV))
                .isInstanceOf(SdpException.class).hasMessageContaining("malformed port");
    }

    private static String offer(String direction, String address) {
        return sdp("v=0", "o=alice 2890844526 2890844527 IN IP4 " + ALICE, "s=-", "c=IN IP4 " + address, "t=0 0",
                "m=audio 49170 RTP/AVP 0", "a=rtpmap:0 PCMU/8000", direction);
    }

    private static long version(String sdp) {
        return Long.parseLong(originField(sdp, 2));
    }

    private static String sessionId(String sdp) {
        return originField(sdp, 1);
    }

    private static String originField(String sdp, int index) {
        String origin = sdp.lines().filter(l -> l.startsWith("o=")).findFirst().orElseThrow();
        return origin.substring(2).split(" ")[index];
    }
}
