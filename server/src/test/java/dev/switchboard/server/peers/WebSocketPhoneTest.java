package dev.switchboard.server.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchboard.core.doc.Json;
import dev.switchboard.server.TestServer;
import tools.jackson.databind.JsonNode;

/**
 * A browser-style phone speaking SIP over WebSocket (RFC 7118) to the server's {@code /ws} endpoint on the HTTP
 * port: it registers with digest authentication as phone 1001 and the registration shows as a WebSocket one,
 * it calls an extension that plays a prompt (INVITE with an SDP offer, 200 with the answer, ACK, RTP arriving, BYE),
 * and it receives a call placed to its extension by the account's other phone, over the same WebSocket.
 */
class WebSocketPhoneTest {
    private static final String PROMPT = "8200";

    private static TestServer server;
    private static PhoneAccount account;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        account = new PhoneAccount(server, "websocket");
        account.callflow("websocket prompt", PROMPT, PhoneAccount.node("play",
                Json.object().put("id", "tone_stream://%(30000,0,800)")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void registersWithDigestAndTheRegistrationIsAWebSocketOne() {
        try (WebSocketPhone phone = connect("1001")) {
            assertThat(phone.subprotocol()).isEqualTo("sip");
            SipText ok = phone.register(300);
            assertThat(ok.status()).as("%s", ok).isEqualTo(200);
            assertThat(ok.headers("contact")).as("%s", ok).anySatisfy(c -> assertThat(c).contains(".invalid"));

            JsonNode rows = account.get("/devices/" + account.deviceId("1001") + "/registrations");
            assertThat(rows).anySatisfy(r -> {
                assertThat(r.path("transport").asString()).isIn("ws", "WS");
                assertThat(r.path("contact").asString()).contains(".invalid");
            });
            assertThat(phone.frames()).allSatisfy(WebSocketPhoneTest::holdsOneMessage);
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        try (WebSocketPhone phone = WebSocketPhone.connect(account.webSocket(), "1001", "not-the-password",
                account.realm())) {
            assertThat(phone.register(300).status()).isIn(401, 403, 407);
        }
    }

    @Test
    void callsAnExtensionThatPlaysAPromptAndHearsItsRtp() throws Exception {
        try (WebSocketPhone phone = connect("1001"); RtpCounter rtp = new RtpCounter()) {
            assertThat(phone.register(300).status()).isEqualTo(200);
            WebSocketPhone.Dialog call = phone.call(PROMPT, rtp.port());
            assertThat(call.remoteSdp()).as("the SDP answer").contains("m=audio ").containsPattern(
                    "m=audio [1-9]\\d* RTP/AVP 0\\b");
            await().atMost(Duration.ofSeconds(30)).alias("the prompt's RTP at our port")
                    .until(() -> rtp.packets() >= 25);
            SipText bye = phone.hangUp(call);
            assertThat(bye.status()).as("%s", bye).isEqualTo(200);
            assertThat(phone.frames()).allSatisfy(WebSocketPhoneTest::holdsOneMessage);
        }
    }

    @Test
    void receivesACallToItsExtensionOverTheWebSocket() throws Exception {
        try (WebSocketPhone alice = connect("1001"); WebSocketPhone bob = connect("1002");
             RtpCounter aliceRtp = new RtpCounter(); RtpCounter bobRtp = new RtpCounter()) {
            assertThat(alice.register(300).status()).isEqualTo(200);
            assertThat(bob.register(300).status()).isEqualTo(200);

            CompletableFuture<WebSocketPhone.Dialog> calling = CompletableFuture.supplyAsync(
                    () -> bob.call("1001", bobRtp.port()), r -> Thread.ofVirtual().start(r));
            SipText invite = alice.awaitRequest("INVITE");
            assertThat(invite.requestUri()).as("sent to the registered WebSocket contact").contains(".invalid");
            assertThat(invite.body()).contains("m=audio ");
            WebSocketPhone.Dialog answered = alice.answer(invite, aliceRtp.port());
            WebSocketPhone.Dialog placed = calling.get(30, TimeUnit.SECONDS);
            assertThat(placed.remoteSdp()).contains("m=audio ");

            SipText ok = bob.hangUp(placed);
            assertThat(ok.status()).isEqualTo(200);
            SipText bye = alice.awaitRequest("BYE");
            assertThat(bye.callId()).isEqualTo(answered.callId());
            alice.respond(bye, 200, "OK");
        }
    }

    private static WebSocketPhone connect(String user) {
        return WebSocketPhone.connect(account.webSocket(), user, PhoneAccount.password(user), account.realm());
    }

    /** RFC 7118 §5.2: each text frame carries exactly one SIP message, its body as long as its Content-Length. */
    private static void holdsOneMessage(String frame) {
        SipText message = SipText.parse(frame);
        int length = Integer.parseInt(message.header("content-length").orElse("0"));
        assertThat(message.body().getBytes(StandardCharsets.UTF_8)).as(frame).hasSize(length);
    }

    /** A UDP port that counts the RTP packets sent to it. */
    private static final class RtpCounter implements AutoCloseable {
        private final DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        private final AtomicInteger packets = new AtomicInteger();

        RtpCounter() throws SocketException {
            Thread.ofVirtual().start(() -> {
                byte[] buffer = new byte[2048];
                while (!socket.isClosed()) {
                    try {
                        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                        socket.receive(packet);
                        if (packet.getLength() >= 12 && (buffer[0] & 0xC0) == 0x80) {
                            packets.incrementAndGet();
                        }
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        int packets() {
            return packets.get();
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
