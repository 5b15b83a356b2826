package dev.switchboard.sip.transport;

import dev.switchboard.sip.RecordingListener;
import dev.switchboard.sip.SipStack;
import dev.switchboard.sip.TestStacks;
import dev.switchboard.sip.message.NameAddress;
import dev.switchboard.sip.message.SipParser;
import dev.switchboard.sip.message.SipRequest;
import dev.switchboard.sip.message.SipResponse;
import dev.switchboard.sip.message.SipUri;
import dev.switchboard.sip.transaction.ResponseHandler;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** TLS with the generated self-signed certificate: a JDK TLS client talks to the stack, and one stack calls another. */
class TlsTransportTest {
    private static final String OPTIONS = "OPTIONS sip:probe@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TLS 127.0.0.1:5999;branch=z9hG4bK-tls1\r\n"
            + "From: <sip:t@127.0.0.1>;tag=t\r\nTo: <sip:probe@127.0.0.1>\r\nCall-ID: tls-1\r\nCSeq: 1 OPTIONS\r\n"
            + "Max-Forwards: 70\r\nContent-Length: 0\r\n\r\n";

    @Test
    void aTlsClientGets200AndTheSelfSignedCertificateNamesTheHost() throws Exception {
        try (SipStack stack = SipStack.start(TestStacks.config().tlsPort(0).build(), new RecordingListener())) {
            SSLContext context = SSLContext.getInstance("TLS");
            X509Certificate[][] seen = new X509Certificate[1][];
            context.init(null, new TrustManager[]{new X509TrustManager() {
                @Override public void checkClientTrusted(X509Certificate[] chain, String type) {}

                @Override public void checkServerTrusted(X509Certificate[] chain, String type) { seen[0] = chain; }

                @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
            }}, null);
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(),
                    stack.localAddress(Transport.TLS).getPort())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(OPTIONS.getBytes(StandardCharsets.UTF_8));
                InputStream in = socket.getInputStream();
                byte[] buf = new byte[8192];
                int filled = 0, frame = -1;
                SipParser parser = new SipParser();
                while (frame < 0) {
                    int n = in.read(buf, filled, buf.length - filled);
                    assertThat(n).as("the stack answered before closing").isPositive();
                    filled += n;
                    frame = parser.frameLength(buf, 0, filled);
                }
                SipResponse ok = (SipResponse) parser.parse(buf, 0, frame, false);
                assertThat(ok.status()).isEqualTo(200);
                assertThat(ok.topVia().received()).isEmpty();
            }
            assertThat(seen[0][0].getSubjectX500Principal().getName()).isEqualTo("CN=127.0.0.1");
        }
    }

    @Test
    void oneStackCallsAnotherOverTls() throws Exception {
        RecordingListener callee = new RecordingListener().answering(tx -> tx.respond(tx.request().createResponse(486, null, "busy")));
        try (SipStack server = SipStack.start(TestStacks.config().tlsPort(0).build(), callee);
             SipStack client = SipStack.start(TestStacks.config().tlsPort(0).build(), new RecordingListener())) {
            SipUri target = SipUri.sips("bob", "127.0.0.1", server.localAddress(Transport.TLS).getPort());
            SipRequest invite = SipRequest.builder("INVITE", target)
                    .from(NameAddress.of(SipUri.sips("alice", "127.0.0.1", -1)).withTag("a"))
                    .to(NameAddress.of(target)).callId("tls-call").cseq(1)
                    .contact(NameAddress.of(client.contactUri("alice", Transport.TLS))).build();
            CompletableFuture<SipResponse> answered = new CompletableFuture<>();
            client.send(invite, Destination.resolve(target), new ResponseHandler() {
                @Override public void onFinal(SipResponse r) { answered.complete(r); }

                @Override public void onTimeout() { answered.completeExceptionally(new AssertionError("timeout")); }

                @Override public void onTransportError(Exception e) { answered.completeExceptionally(e); }
            });
            assertThat(answered.get(20, TimeUnit.SECONDS).status()).isEqualTo(486);
            assertThat(callee.nextRequest().source().transport()).isEqualTo(Transport.TLS);
        }
    }
}
