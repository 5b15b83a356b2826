package dev.switchboard.sip.transaction;

import dev.switchboard.sip.RawPeer;
import dev.switchboard.sip.RecordingListener;
import dev.switchboard.sip.SipStack;
import dev.switchboard.sip.TestStacks;
import dev.switchboard.sip.message.NameAddress;
import dev.switchboard.sip.message.SipMessage;
import dev.switchboard.sip.message.SipRequest;
import dev.switchboard.sip.message.SipResponse;
import dev.switchboard.sip.message.SipUri;
import dev.switchboard.sip.transport.Destination;
import dev.switchboard.sip.transport.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Client transactions against a raw peer that answers (or does not) by hand, with T1 = 50 ms and T2 = 200 ms. */
class ClientTransactionTest {
    private SipStack stack;
    private final Handler handler = new Handler();

    static final class Handler implements ResponseHandler {
        final BlockingQueue<SipResponse> provisional = new LinkedBlockingQueue<>();
        final BlockingQueue<SipResponse> finals = new LinkedBlockingQueue<>();
        final CountDownLatch timedOut = new CountDownLatch(1);
        final CountDownLatch failed = new CountDownLatch(1);

        @Override public void onProvisional(SipResponse r) { provisional.add(r); }

        @Override public void onFinal(SipResponse r) { finals.add(r); }

        @Override public void onTimeout() { timedOut.countDown(); }

        @Override public void onTransportError(Exception cause) { failed.countDown(); }
    }

    @BeforeEach
    void start() throws IOException {
        stack = TestStacks.start(new RecordingListener());
    }

    @AfterEach
    void stop() {
        stack.close();
    }

    private static SipRequest request(String method, int port) {
        SipUri target = SipUri.sip("bob", "127.0.0.1", port);
        return SipRequest.builder(method, target)
                .from(NameAddress.of(SipUri.sip("alice", "127.0.0.1", -1)).withTag(SipStack.newTag()))
                .to(NameAddress.of(target))
                .callId(SipStack.newCallId())
                .cseq(1)
                .contact(NameAddress.of(SipUri.sip("alice", "127.0.0.1", -1)))
                .build();
    }

    private static Destination udpTo(RawPeer peer) {
        return Destination.of(Transport.UDP, new InetSocketAddress(InetAddress.getLoopbackAddress(), peer.port()));
    }

    private static int countRequests(RawPeer peer, String method) {
        return (int) peer.received().stream().filter(m -> m instanceof SipRequest r && r.isMethod(method)).count();
    }

    @Test
    void anUnansweredNonInviteIsRetransmittedOverUdpThenTimerFFires() throws Exception {
        try (RawPeer peer = RawPeer.udp(stack.localAddress(Transport.UDP))) {
            stack.send(request("OPTIONS", peer.port()), udpTo(peer), handler);
            assertThat(handler.timedOut.await(10, TimeUnit.SECONDS)).isTrue();
            // timer E: sent at 0, 50, 150, 350, then every T2 = 200 ms up to 3150 ms, timer F at 64*T1 = 3.2 s: 18 copies
            // on time; a busy machine delays each retransmission a little and so fits fewer in, never more
            int copies = countRequests(peer, "OPTIONS");
            assertThat(copies).isBetween(6, 18);
            assertThat(peer.received()).extracting(m -> m.topVia().branch().orElseThrow()).containsOnly(
                    peer.received().peek().topVia().branch().orElseThrow());
        }
    }

    @Test
    void anUnansweredInviteIsRetransmittedWithDoublingIntervalsThenTimerBFires() throws Exception {
        try (RawPeer peer = RawPeer.udp(stack.localAddress(Transport.UDP))) {
            stack.send(request("INVITE", peer.port()), udpTo(peer), handler);
            assertThat(handler.timedOut.await(10, TimeUnit.SECONDS)).isTrue();
            // timer A: sent at 0, 50, 150, 350, 750, 1550, 3150 ms; timer B at 3200 ms (with doubling, far fewer
            // copies than timer E's steady T2 gives a non-INVITE in the same time)
            assertThat(countRequests(peer, "INVITE")).isBetween(4, 7);
        }
    }

    @Test
    void nothingIsRetransmittedOverTcp() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            BlockingQueue<Integer> bytesRead = new LinkedBlockingQueue<>();
            Thread.ofVirtual().start(() -> {
                try (Socket s = server.accept()) {
                    byte[] buf = new byte[65536];
                    int total = 0, n;
                    s.setSoTimeout(5000);
                    try {
                        while ((n = s.getInputStream().read(buf)) > 0) total += n;
                    } catch (java.net.SocketTimeoutException e) {
                        // the stack keeps the connection open; what arrived until now is the answer
                    }
                    bytesRead.add(total);
                } catch (IOException e) {
                    bytesRead.add(-1);
                }
            });
            SipRequest options = request("OPTIONS", server.getLocalPort());
            Destination tcp = Destination.of(Transport.TCP, new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
            ClientTransaction tx = stack.send(options, tcp, handler);
            assertThat(handler.timedOut.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(bytesRead.poll(10, TimeUnit.SECONDS)).isEqualTo(tx.request().toBytes().length);
        }
    }

    @Test
    void aConnectionRefusedIsATransportError() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        stack.send(request("OPTIONS", closedPort), Destination.of(Transport.TCP,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), closedPort)), handler);
        assertThat(handler.failed.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aNon2xxToAnInviteIsAckedByTheTransactionAndAgainForEachRetransmission() throws Exception {
        try (RawPeer peer = RawPeer.udp(stack.localAddress(Transport.UDP))) {
            ClientTransaction tx = stack.send(request("INVITE", peer.port()), udpTo(peer), handler);
            SipRequest invite = (SipRequest) peer.await(m -> m instanceof SipRequest, 5);
            SipResponse busy = invite.createResponse(486, "Busy Here", "callee");
            peer.sendBytes(busy.toBytes());
            assertThat(handler.finals.poll(5, TimeUnit.SECONDS)).extracting(SipResponse::status).isEqualTo(486);
            SipRequest ack = (SipRequest) peer.await(m -> m instanceof SipRequest r && r.isMethod("ACK"), 5);
            assertThat(ack.topVia().branch()).isEqualTo(invite.topVia().branch());
            assertThat(ack.to().tag()).contains("callee");
            peer.sendBytes(busy.toBytes());
            peer.await(m -> m instanceof SipRequest r && r.isMethod("ACK"), 5);
            assertThat(handler.finals).as("the retransmitted 486 is absorbed").isEmpty();
            assertThat(tx.isCompleted()).isTrue();
        }
    }

    @Test
    void every2xxToAnInviteReachesTheUserWhoAcksIt() throws Exception {
        try (RawPeer peer = RawPeer.udp(stack.localAddress(Transport.UDP))) {
            stack.send(request("INVITE", peer.port()), udpTo(peer), handler);
            SipRequest invite = (SipRequest) peer.await(m -> m instanceof SipRequest, 5);
            peer.sendBytes(invite.createResponse(180, "Ringing", "callee").toBytes());
            assertThat(handler.provisional.poll(5, TimeUnit.SECONDS)).extracting(SipResponse::status).isEqualTo(180);
            SipResponse ok = invite.createResponse(200, "OK", "callee");
            ok.headers().add("Contact", "<sip:bob@127.0.0.1:" + peer.port() + ">");
            peer.sendBytes(ok.toBytes());
            peer.sendBytes(ok.toBytes());
            assertThat(handler.finals.poll(5, TimeUnit.SECONDS)).extracting(SipResponse::status).isEqualTo(200);
            assertThat(handler.finals.poll(5, TimeUnit.SECONDS)).extracting(SipResponse::status).isEqualTo(200);
            assertThat(countRequests(peer, "ACK")).as("the 2xx ACK is the user's to send").isZero();
            // and no more INVITE copies once a response arrived
            peer.received().clear();
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> countRequests(peer, "INVITE") == 0);
        }
    }

    @Test
    void cancelWaitsForAProvisionalThenSendsCancelAndThe487EndsTheInvite() throws Exception {
        try (RawPeer peer = RawPeer.udp(stack.localAddress(Transport.UDP))) {
            ClientTransaction tx = stack.send(request("INVITE", peer.port()), udpTo(peer), handler);
            SipRequest invite = (SipRequest) peer.await(m -> m instanceof SipRequest r && r.isMethod("INVITE"), 5);
            tx.cancel();
            peer.sendBytes(invite.createResponse(180, "Ringing", "callee").toBytes());
            SipRequest cancel = (SipRequest) peer.await(m -> m instanceof SipRequest r && r.isMethod("CANCEL"), 5);
            assertThat(cancel.topVia().branch()).isEqualTo(invite.topVia().branch());
            assertThat(cancel.cseq().number()).isEqualTo(invite.cseq().number());
            assertThat(cancel.requestUri()).isEqualTo(invite.requestUri());
            peer.sendBytes(cancel.createResponse(200).toBytes());
            peer.sendBytes(invite.createResponse(487, null, "callee").toBytes());
            assertThat(handler.finals.poll(5, TimeUnit.SECONDS)).extracting(SipResponse::status).isEqualTo(487);
            peer.await(m -> m instanceof SipRequest r && r.isMethod("ACK"), 5);
        }
    }

    @Test
    void aResponseMatchingNoTransactionIsStray() throws Exception {
        RecordingListener listener = new RecordingListener();
        try (SipStack other = TestStacks.start(listener); RawPeer peer = RawPeer.udp(other.localAddress(Transport.UDP))) {
            SipRequest invite = request("INVITE", peer.port());
            invite.headers().add("Via", "SIP/2.0/UDP 127.0.0.1:" + peer.port() + ";branch=z9hG4bK-nobody");
            peer.sendBytes(invite.createResponse(200, "OK", "x").toBytes());
            SipMessage stray = listener.strays.poll(5, TimeUnit.SECONDS);
            assertThat(stray).isNotNull();
        }
    }
}
