package dev.switchboard.sip.transport;

import dev.switchboard.sip.RecordingListener;
import dev.switchboard.sip.SipStack;
import dev.switchboard.sip.TestStacks;
import dev.switchboard.sip.message.NameAddress;
import dev.switchboard.sip.message.SipMessage;
import dev.switchboard.sip.message.SipParser;
import dev.switchboard.sip.message.SipRequest;
import dev.switchboard.sip.message.SipResponse;
import dev.switchboard.sip.message.SipUri;
import dev.switchboard.sip.transaction.ResponseHandler;
import dev.switchboard.sip.transaction.ServerTransaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** SIP over WebSocket (RFC 7118) through the adapter, with an in-memory peer in place of the HTTP server's socket. */
class WebSocketTransportTest {
    /** What the HTTP server would do: frames out to a queue, a fixed browser address. */
    static final class MemoryPeer implements WsPeer {
        final BlockingQueue<String> sent = new LinkedBlockingQueue<>();
        volatile boolean closed;

        @Override public void send(String frame) { sent.add(frame); }

        @Override public void close() { closed = true; }

        @Override public InetSocketAddress remoteAddress() { return new InetSocketAddress("198.51.100.7", 51234); }

        @Override public InetSocketAddress localAddress() { return new InetSocketAddress("127.0.0.1", 8000); }

        SipMessage next() throws Exception {
            String frame = sent.poll(10, TimeUnit.SECONDS);
            assertThat(frame).as("a frame from the stack").isNotNull();
            return new SipParser().parse(frame.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final RecordingListener listener = new RecordingListener();
    private SipStack stack;

    @BeforeEach
    void start() throws Exception {
        stack = TestStacks.start(listener.answering(tx -> tx.respond(tx.request().createResponse(200, "OK", SipStack.newTag()))));
    }

    @AfterEach
    void stop() {
        stack.close();
    }

    private static final String REGISTER = "REGISTER sip:example.com SIP/2.0\r\n"
            + "Via: SIP/2.0/WSS df7jal23ls0d.invalid;branch=z9hG4bKws1\r\n"
            + "From: <sip:alice@example.com>;tag=ws1\r\nTo: <sip:alice@example.com>\r\n"
            + "Call-ID: ws-reg-1\r\nCSeq: 1 REGISTER\r\nMax-Forwards: 70\r\n"
            + "Contact: <sip:a8jf3@df7jal23ls0d.invalid;transport=ws>;expires=300\r\nContent-Length: 0\r\n\r\n";

    @Test
    void aBrowserRegistersAndIsReachedOnItsConnection() throws Exception {
        MemoryPeer browser = new MemoryPeer();
        WsFrameSink sink = stack.webSocket().accept(browser, true);
        sink.onText(REGISTER);

        ServerTransaction register = listener.nextRequest();
        Source source = register.source();
        assertThat(source.transport()).isEqualTo(Transport.WSS);
        assertThat(source.remote()).isEqualTo(browser.remoteAddress());
        assertThat(source.connection()).isNotNull();
        assertThat(register.request().topVia().received()).contains("198.51.100.7");
        SipResponse ok = (SipResponse) browser.next();
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.callId()).isEqualTo("ws-reg-1");

        // a request to the registered contact goes down the same WebSocket, as the registrar would send it
        SipUri contact = register.request().contacts().getFirst().uri();
        SipRequest options = SipRequest.builder("OPTIONS", contact)
                .from(NameAddress.of(SipUri.sip("switchboard", "example.com", -1)).withTag("s1"))
                .to(NameAddress.of(contact)).callId("ws-opt-1").cseq(1).build();
        CompletableFuture<SipResponse> answered = new CompletableFuture<>();
        stack.send(options, Destination.of(source.connection()), handler(answered));
        SipRequest received = (SipRequest) browser.next();
        assertThat(received.topVia().transport()).isEqualTo("WSS");
        sink.onText(new String(received.createResponse(200, "OK", "b1").toBytes(), StandardCharsets.UTF_8));
        assertThat(answered.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
    }

    @Test
    void binaryFramesCarryMessagesTooAndMalformedOnesGet400() throws Exception {
        MemoryPeer browser = new MemoryPeer();
        WsFrameSink sink = stack.webSocket().accept(browser, false);
        sink.onBinary(REGISTER.replace("WSS", "WS").getBytes(StandardCharsets.UTF_8));
        assertThat(((SipResponse) browser.next()).status()).isEqualTo(200);
        sink.onText(REGISTER.replace("CSeq: 1 REGISTER", "CSeq: 1 INVITE").replace("z9hG4bKws1", "z9hG4bKws2"));
        assertThat(((SipResponse) browser.next()).status()).isEqualTo(400);
    }

    @Test
    void afterCloseTheConnectionCannotBeUsed() throws Exception {
        MemoryPeer browser = new MemoryPeer();
        WsFrameSink sink = stack.webSocket().accept(browser, false);
        sink.onText(REGISTER.replace("WSS", "WS"));
        Connection connection = listener.nextRequest().source().connection();
        browser.next();
        sink.onClose();
        assertThat(connection.isOpen()).isFalse();
        SipRequest options = SipRequest.builder("OPTIONS", SipUri.sip("a", "df7jal23ls0d.invalid", -1))
                .from(NameAddress.of(SipUri.sip("s", "example.com", -1)).withTag("s")).to(NameAddress.of(SipUri.sip("a", "x.invalid", -1)))
                .callId("ws-closed").cseq(1).build();
        CompletableFuture<SipResponse> answered = new CompletableFuture<>();
        stack.send(options, Destination.of(connection), handler(answered));
        assertThat(answered).failsWithin(10, TimeUnit.SECONDS);
        assertThat(browser.sent).isEmpty();
    }

    private static ResponseHandler handler(CompletableFuture<SipResponse> done) {
        return new ResponseHandler() {
            @Override public void onFinal(SipResponse r) { done.complete(r); }

            @Override public void onTimeout() { done.completeExceptionally(new AssertionError("timed out")); }

            @Override public void onTransportError(Exception e) { done.completeExceptionally(e); }
        };
    }
}
