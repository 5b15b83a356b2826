package dev.switchboard.sip.conformance;

import dev.switchboard.sip.RawPeer;
import dev.switchboard.sip.RecordingListener;
import dev.switchboard.sip.SipStack;
import dev.switchboard.sip.TestStacks;
import dev.switchboard.sip.auth.DigestResult;
import dev.switchboard.sip.auth.DigestServer;
import dev.switchboard.sip.message.SipMessage;
import dev.switchboard.sip.message.SipRequest;
import dev.switchboard.sip.message.SipResponse;
import dev.switchboard.sip.transaction.ServerTransaction;
import dev.switchboard.sip.transport.Transport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each RFC 4475 torture message sent over UDP and over TCP to a running stack whose listener answers: valid requests
 * get their answer, malformed ones 400 (505) or nothing, responses nothing; after each, the stack still answers
 * OPTIONS with 200.
 */
class Rfc4475TransportTest {
    private static final DigestServer DIGEST = new DigestServer();
    /** One stack per transport: the same message sent over both would otherwise be, rightly, a retransmission. */
    private static SipStack udpStack;
    private static SipStack tcpStack;
    private static int probes;

    @BeforeAll
    static void start() throws IOException {
        RecordingListener listener = new RecordingListener().answering(Rfc4475TransportTest::answer);
        udpStack = SipStack.start(TestStacks.config().maxMessagesPerSecond(0).tcpPort(-1).build(), listener);
        tcpStack = SipStack.start(TestStacks.config().maxMessagesPerSecond(0).udpPort(-1).build(), listener);
    }

    @AfterAll
    static void stop() {
        udpStack.close();
        tcpStack.close();
    }

    /** INVITE 486, REGISTER digest challenge, MESSAGE 200, anything else 501. */
    private static void answer(ServerTransaction tx) {
        SipRequest r = tx.request();
        SipResponse response = switch (r.method()) {
            case "INVITE" -> r.createResponse(486, null, SipStack.newTag());
            case "REGISTER" -> {
                DigestResult result = DIGEST.verify(r, "example.com", false, (user, realm) -> Optional.empty());
                yield DIGEST.challenge(r, "example.com", false, result.outcome() == DigestResult.Outcome.STALE, SipStack.newTag());
            }
            case "MESSAGE" -> r.createResponse(200, null, SipStack.newTag());
            default -> r.createResponse(501, null, SipStack.newTag());
        };
        tx.respond(response);
    }

    static Stream<Arguments> cases() {
        return TortureCorpus.names().stream().flatMap(n -> Stream.of(Arguments.of(n, "UDP"), Arguments.of(n, "TCP")));
    }

    private static String probe(String transport) {
        return "OPTIONS sip:probe@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/" + transport + " 127.0.0.1:$PORT;branch=z9hG4bK-probe" + (++probes)
                + "\r\nMax-Forwards: 70\r\nFrom: <sip:t@127.0.0.1>;tag=p\r\nTo: <sip:probe@127.0.0.1>\r\nCall-ID: probe-" + probes
                + "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
    }

    private static boolean isProbeAnswer(SipMessage m) {
        return m instanceof SipResponse r && r.callId().startsWith("probe-") && r.status() == 200;
    }

    /** Streams cannot frame these: no Content-Length (inv2543) or one larger than what follows (clerr). */
    private static boolean unframeableOnStream(String name) {
        return name.equals("inv2543") || name.equals("clerr");
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("cases")
    void answersAsTheRfcSaysAndKeepsWorking(String name, String transport) throws Exception {
        int expected = TortureCorpus.EXPECTED.get(name).status();
        Transport t = Transport.valueOf(transport);
        SipStack stack = t == Transport.UDP ? udpStack : tcpStack;
        try (RawPeer peer = t == Transport.UDP ? RawPeer.udp(stack.localAddress(t)) : RawPeer.tcp(stack.localAddress(t))) {
            peer.sendBytes(TortureCorpus.bytes(name));
            if (t == Transport.TCP && unframeableOnStream(name)) {
                await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> peer.received().isEmpty());
            } else if (expected == 0) {
                // on UDP the probe is processed after the message on the same channel, so its answer coming first
                // shows the message got none; on TCP the same holds on one connection
                peer.send(probe(transport));
                assertThat(peer.poll(5)).matches(Rfc4475TransportTest::isProbeAnswer, "the probe's 200, nothing before it");
            } else {
                SipMessage m = peer.poll(5);
                assertThat(m).as("a response to " + name).isInstanceOf(SipResponse.class);
                assertThat(((SipResponse) m).status()).isEqualTo(expected);
            }
        }
        try (RawPeer fresh = t == Transport.UDP ? RawPeer.udp(stack.localAddress(t)) : RawPeer.tcp(stack.localAddress(t))) {
            fresh.send(probe(transport));
            assertThat(fresh.await(Rfc4475TransportTest::isProbeAnswer, 5)).isNotNull();
        }
    }
}
