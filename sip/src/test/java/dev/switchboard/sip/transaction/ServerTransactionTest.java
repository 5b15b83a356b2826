package dev.switchboard.sip.transaction;

import dev.switchboard.sip.RawPeer;
import dev.switchboard.sip.RecordingListener;
import dev.switchboard.sip.SipStack;
import dev.switchboard.sip.TestStacks;
import dev.switchboard.sip.message.SipMessage;
import dev.switchboard.sip.message.SipRequest;
import dev.switchboard.sip.message.SipResponse;
import dev.switchboard.sip.transport.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Server transactions against a raw peer over loopback UDP and TCP, with T1 = 50 ms. */
class ServerTransactionTest {
    private final RecordingListener listener = new RecordingListener();
    private SipStack stack;

    @AfterEach
    void stop() {
        if (stack != null) stack.close();
    }

    static String invite(String branch, String callId) {
        return "INVITE sip:bob@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/$TRANSPORT 127.0.0.1:$PORT;branch=" + branch + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:alice@127.0.0.1>;tag=a1\r\n"
                + "To: <sip:bob@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Contact: <sip:alice@127.0.0.1:$PORT>\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    static String ack(String branch, String callId, String toTag) {
        return "ACK sip:bob@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/$TRANSPORT 127.0.0.1:$PORT;branch=" + branch + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:alice@127.0.0.1>;tag=a1\r\n"
                + "To: <sip:bob@127.0.0.1>;tag=" + toTag + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 ACK\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    static String cancel(String branch, String callId) {
        return "CANCEL sip:bob@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/$TRANSPORT 127.0.0.1:$PORT;branch=" + branch + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:alice@127.0.0.1>;tag=a1\r\n"
                + "To: <sip:bob@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 CANCEL\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    private RawPeer peer(String transport) throws IOException {
        Transport t = Transport.valueOf(transport);
        return t == Transport.UDP ? RawPeer.udp(stack.localAddress(t)) : RawPeer.tcp(stack.localAddress(t));
    }

    private static boolean status(SipMessage m, int status, String method) {
        return m instanceof SipResponse r && r.status() == status && r.cseq().method().equals(method);
    }

    @Test
    void aNon2xxFinalIsRetransmittedOverUdpUntilTheAck() throws Exception {
        stack = SipStack.start(TestStacks.config().build(), listener.answering(tx -> tx.respond(tx.request().createResponse(486, null, "b1"))));
        try (RawPeer peer = peer("UDP")) {
            peer.send(invite("z9hG4bK-g1", "g1"));
            List<SipMessage> busy = new ArrayList<>();
            for (int i = 0; i < 3; i++) busy.add(peer.await(m -> status(m, 486, "INVITE"), 5));
            assertThat(busy).allSatisfy(m -> assertThat(((SipResponse) m).to().tag()).contains("b1"));
            peer.send(ack("z9hG4bK-g1", "g1", "b1"));
            // once the ACK is in, timer G stops: the queue stays free of 486s while several T2 intervals pass
            peer.received().clear();
            await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3))
                    .until(() -> peer.received().stream().noneMatch(m -> status(m, 486, "INVITE")));
            assertThat(listener.acks).as("a non-2xx ACK is the transaction's, not the user's").isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void a2xxIsRetransmittedOnUdpOnlyAndItsAckReachesTheUser(String transport) throws Exception {
        stack = SipStack.start(TestStacks.config().build(), listener.answering(tx -> tx.respond(tx.request().createResponse(200, "OK", "ok1"))));
        try (RawPeer peer = peer(transport)) {
            peer.send(invite("z9hG4bK-ok1", "ok1"));
            peer.await(m -> status(m, 200, "INVITE"), 5);
            if (transport.equals("UDP")) {
                peer.await(m -> status(m, 200, "INVITE"), 5);
                peer.await(m -> status(m, 200, "INVITE"), 5);
            } else {
                await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> peer.received().isEmpty());
            }
            peer.send(ack("z9hG4bK-ack1", "ok1", "ok1"));
            SipRequest ack = listener.acks.poll(5, TimeUnit.SECONDS);
            assertThat(ack).isNotNull();
            assertThat(ack.source().transport().name()).isEqualTo(transport);
            peer.received().clear();
            await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(() -> peer.received().isEmpty());
        }
    }

    @Test
    void aMissingAckForA2xxIsReportedAfter64T1() throws Exception {
        CountDownLatch noAck = new CountDownLatch(1);
        stack = SipStack.start(TestStacks.config().build(), listener.answering(tx -> {
            tx.onAckTimeout(noAck::countDown);
            tx.respond(tx.request().createResponse(200, "OK", "lost"));
        }));
        try (RawPeer peer = peer("UDP")) {
            peer.send(invite("z9hG4bK-lost", "lost"));
            peer.await(m -> status(m, 200, "INVITE"), 5);
            assertThat(noAck.await(10, TimeUnit.SECONDS)).as("timer L reported (64*T1 = 3.2 s)").isTrue();
            peer.received().clear();
            await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(3)).until(() -> peer.received().isEmpty());
        }
    }

    @Test
    void anInviteTheUserDoesNotAnswerGets100Trying() throws Exception {
        stack = SipStack.start(TestStacks.config().build(), listener);
        try (RawPeer peer = peer("UDP")) {
            peer.send(invite("z9hG4bK-t1", "t1"));
            SipResponse trying = (SipResponse) peer.await(m -> status(m, 100, "INVITE"), 5);
            assertThat(trying.to().tag()).isEmpty();
            assertThat(listener.nextRequest().isAnswered()).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void cancelGets200AndTheInvite487AndTheUserIsTold(String transport) throws Exception {
        CountDownLatch cancelled = new CountDownLatch(1);
        stack = SipStack.start(TestStacks.config().build(), listener.answering(tx -> {
            tx.respond(tx.request().createResponse(180, "Ringing", "r1"));
            tx.onCancel(cancelled::countDown);
        }));
        try (RawPeer peer = peer(transport)) {
            peer.send(invite("z9hG4bK-c1", "c1"));
            peer.await(m -> status(m, 180, "INVITE"), 5);
            peer.send(cancel("z9hG4bK-c1", "c1"));
            peer.await(m -> status(m, 200, "CANCEL"), 5);
            SipResponse terminated = (SipResponse) peer.await(m -> status(m, 487, "INVITE"), 5);
            assertThat(terminated.to().tag()).contains("r1");
            assertThat(cancelled.await(5, TimeUnit.SECONDS)).isTrue();
            ServerTransaction tx = listener.nextRequest();
            assertThat(tx.isCancelled()).isTrue();
            assertThat(tx.respond(tx.request().createResponse(200))).as("no answer after the 487").isFalse();
            peer.send(ack("z9hG4bK-c1", "c1", "r1"));
        }
    }

    @Test
    void aResponseWhoseConnectionClosedGoesToANewConnectionToTheSentByPort() throws Exception {
        stack = SipStack.start(TestStacks.config().build(), listener);
        try (java.net.ServerSocket sentBy = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            RawPeer peer = peer("TCP");
            peer.send(invite("z9hG4bK-closed", "closed").replace("127.0.0.1:$PORT;", "127.0.0.1:" + sentBy.getLocalPort() + ";"));
            ServerTransaction tx = listener.nextRequest();
            peer.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> !tx.source().connection().isOpen());
            tx.respond(tx.request().createResponse(486, null, "gone"));
            sentBy.setSoTimeout(10_000);
            try (java.net.Socket back = sentBy.accept()) {
                back.setSoTimeout(10_000);
                String text = new String(back.getInputStream().readNBytes(20), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(text).startsWith("SIP/2.0 486");
            }
        }
    }

    @Test
    void aCancelMatchingNothingGets481() throws Exception {
        stack = SipStack.start(TestStacks.config().build(), listener);
        try (RawPeer peer = peer("UDP")) {
            peer.send(cancel("z9hG4bK-none", "none"));
            peer.await(m -> status(m, 481, "CANCEL"), 5);
        }
    }

    @Test
    void aRetransmittedNonInviteGetsTheSameFinalResponseAgainWithoutReachingTheUser() throws Exception {
        stack = SipStack.start(TestStacks.config().build(), listener.answering(tx -> tx.respond(tx.request().createResponse(202, "Accepted", "n1"))));
        String info = "INFO sip:bob@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:$PORT;branch=z9hG4bK-n1\r\n"
                + "From: <sip:a@127.0.0.1>;tag=x\r\nTo: <sip:b@127.0.0.1>;tag=y\r\nCall-ID: n1\r\nCSeq: 2 INFO\r\nContent-Length: 0\r\n\r\n";
        try (RawPeer peer = peer("UDP")) {
            peer.send(info);
            peer.await(m -> status(m, 202, "INFO"), 5);
            peer.send(info);
            peer.await(m -> status(m, 202, "INFO"), 5);
            assertThat(listener.requests).hasSize(1);
        }
    }

    @Test
    void anRfc2543RequestWithoutBranchIsStillMatched() throws Exception {
        stack = SipStack.start(TestStacks.config().build(), listener.answering(tx -> tx.respond(tx.request().createResponse(486, null, "old"))));
        String old = invite("", "old2543").replace(";branch=\r\n", "\r\n");
        try (RawPeer peer = peer("UDP")) {
            peer.send(old);
            peer.await(m -> status(m, 486, "INVITE"), 5);
            peer.send(old);
            peer.await(m -> status(m, 486, "INVITE"), 5);
            peer.send(ack("", "old2543", "old").replace(";branch=\r\n", "\r\n"));
            assertThat(listener.requests).hasSize(1);
            assertThat(listener.acks).isEmpty();
        }
    }
}
