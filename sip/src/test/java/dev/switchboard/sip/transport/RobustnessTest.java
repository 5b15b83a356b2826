package dev.switchboard.sip.transport;

import dev.switchboard.sip.RawPeer;
import dev.switchboard.sip.RecordingListener;
import dev.switchboard.sip.SipStack;
import dev.switchboard.sip.TestStacks;
import dev.switchboard.sip.message.SipLimits;
import dev.switchboard.sip.message.SipMessage;
import dev.switchboard.sip.message.SipResponse;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Bad input, floods and misbehaving users: bounded, answered or dropped, and the stack keeps working. */
class RobustnessTest {
    private SipStack stack;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void stop() {
        if (stack != null) stack.close();
    }

    private static String options(int n) {
        return "OPTIONS sip:x@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/$TRANSPORT 127.0.0.1:$PORT;branch=z9hG4bK-r" + n + "\r\n"
                + "From: <sip:t@127.0.0.1>;tag=t\r\nTo: <sip:x@127.0.0.1>\r\nCall-ID: robust-" + n + "\r\nCSeq: 1 OPTIONS\r\n"
                + "Max-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
    }

    private static boolean ok(SipMessage m, int n) {
        return m instanceof SipResponse r && r.status() == 200 && r.callId().equals("robust-" + n);
    }

    @Test
    void garbageAndOversizedDatagramsAreDroppedAndCounted() throws Exception {
        stack = SipStack.start(TestStacks.config().limits(new SipLimits(2048, 64, 1024)).meterRegistry(meters).build(), new RecordingListener());
        try (RawPeer peer = RawPeer.udp(stack.localAddress(Transport.UDP))) {
            Random random = new Random(7);
            for (int i = 0; i < 50; i++) {
                byte[] junk = new byte[1 + random.nextInt(1500)];
                random.nextBytes(junk);
                peer.sendBytes(junk);
            }
            String big = options(1).replace("Max-Forwards: 70", "X-Padding: " + "x".repeat(3000) + "\r\nMax-Forwards: 70");
            peer.send(big);
            peer.send(options(2));
            assertThat(peer.await(m -> m instanceof SipResponse, 10)).matches(m -> ok(m, 2), "only the valid OPTIONS is answered");
        }
        assertThat(meters.counter("sip.parse.errors").count()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void aFloodFromOneAddressIsCutToTheConfiguredRate() throws Exception {
        stack = SipStack.start(TestStacks.config().maxMessagesPerSecond(10).meterRegistry(meters).build(), new RecordingListener());
        try (RawPeer peer = RawPeer.udp(stack.localAddress(Transport.UDP))) {
            for (int i = 0; i < 200; i++) peer.send(options(100 + i));
            await().atMost(Duration.ofSeconds(10)).until(() -> meters.counter("sip.dropped", "reason", "rate").count() >= 150);
            // 200 datagrams sent within a few windows of one second: at most a few windows' worth are answered
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(3)).until(() -> peer.received().size() <= 50);
            assertThat(peer.received()).isNotEmpty();
        }
    }

    @Test
    void connectionsAreBoundedInNumberAndIdleTime() throws Exception {
        stack = SipStack.start(TestStacks.config().maxConnections(2).connectionIdleTimeout(Duration.ofMillis(500)).build(), new RecordingListener());
        int port = stack.localAddress(Transport.TCP).getPort();
        try (Socket a = new Socket(InetAddress.getLoopbackAddress(), port);
             Socket b = new Socket(InetAddress.getLoopbackAddress(), port)) {
            try (Socket third = new Socket(InetAddress.getLoopbackAddress(), port)) {
                third.setSoTimeout(10_000);
                assertThat(third.getInputStream().read()).as("the third connection is closed at once").isEqualTo(-1);
            }
            // and the first two are closed once idle
            a.setSoTimeout(10_000);
            b.setSoTimeout(10_000);
            assertThat(a.getInputStream().read()).isEqualTo(-1);
            assertThat(b.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void aStreamThatCannotBeFramedIsClosedAndNewConnectionsWork() throws Exception {
        stack = TestStacks.start(new RecordingListener());
        int port = stack.localAddress(Transport.TCP).getPort();
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write("GARBAGE / NOTSIP\r\nfoo: bar\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            InputStream in = s.getInputStream();
            assertThat(in.readAllBytes()).isEmpty();
        }
        try (RawPeer peer = RawPeer.tcp(stack.localAddress(Transport.TCP))) {
            peer.send(options(3));
            assertThat(peer.await(m -> ok(m, 3), 10)).isNotNull();
        }
    }

    @Test
    void keepAlivePingsOnAStreamGetAPong() throws Exception {
        stack = TestStacks.start(new RecordingListener());
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), stack.localAddress(Transport.TCP).getPort())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] pong = s.getInputStream().readNBytes(2);
            assertThat(new String(pong, StandardCharsets.US_ASCII)).isEqualTo("\r\n");
        }
    }

    @Test
    void aListenerThatThrowsYields500AndTheStackGoesOn() throws Exception {
        RecordingListener listener = new RecordingListener().answering(tx -> {
            if (tx.request().callId().equals("robust-4")) throw new IllegalStateException("bug in the user");
            tx.respond(tx.request().createResponse(200, "OK", "x"));
        });
        stack = SipStack.start(TestStacks.config().build(), new dev.switchboard.sip.SipListener() {
            @Override public void onRequest(dev.switchboard.sip.transaction.ServerTransaction tx) { listener.onRequest(tx); }

            @Override public boolean handlesOptions() { return true; }
        });
        try (RawPeer peer = RawPeer.udp(stack.localAddress(Transport.UDP))) {
            peer.send(options(4));
            assertThat(((SipResponse) peer.await(m -> m instanceof SipResponse, 10)).status()).isEqualTo(500);
            peer.send(options(5));
            assertThat(peer.await(m -> ok(m, 5), 10)).isNotNull();
        }
    }

    @Test
    void anUnknownTransportInTheTopViaGets400() throws Exception {
        stack = TestStacks.start(new RecordingListener());
        try (RawPeer peer = RawPeer.udp(stack.localAddress(Transport.UDP))) {
            peer.send(options(6).replace("SIP/2.0/$TRANSPORT", "SIP/2.0/CARRIERPIGEON"));
            assertThat(((SipResponse) peer.await(m -> m instanceof SipResponse, 10)).status()).isEqualTo(400);
        }
    }

    @Test
    void receivedAndRportAreStampedOnTheTopVia() throws Exception {
        RecordingListener listener = new RecordingListener();
        stack = SipStack.start(TestStacks.config().build(), listener);
        try (RawPeer peer = RawPeer.udp(stack.localAddress(Transport.UDP))) {
            peer.send("INFO sip:x@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.99:5060;rport;branch=z9hG4bK-nat\r\n"
                    + "From: <sip:t@127.0.0.1>;tag=t\r\nTo: <sip:x@127.0.0.1>;tag=u\r\nCall-ID: nat-1\r\nCSeq: 1 INFO\r\n"
                    + "Content-Length: 0\r\n\r\n");
            var via = listener.nextRequest().request().topVia();
            assertThat(via.received()).contains("127.0.0.1");
            assertThat(via.rport()).hasValue(peer.port());
        }
    }
}
