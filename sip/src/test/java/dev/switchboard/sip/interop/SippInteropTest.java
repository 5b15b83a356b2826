package dev.switchboard.sip.interop;

import dev.switchboard.sip.RecordingListener;
import dev.switchboard.sip.SipConfig;
import dev.switchboard.sip.SipStack;
import dev.switchboard.sip.dialog.Dialog;
import dev.switchboard.sip.message.NameAddress;
import dev.switchboard.sip.message.SipRequest;
import dev.switchboard.sip.message.SipResponse;
import dev.switchboard.sip.message.SipUri;
import dev.switchboard.sip.transaction.ResponseHandler;
import dev.switchboard.sip.transaction.ServerTransaction;
import dev.switchboard.sip.transport.Destination;
import dev.switchboard.sip.transport.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** SIPp, a real peer, against the stack as UAS (OPTIONS, INVITE/ACK/BYE) and as UAC (INVITE/ACK/BYE), over UDP and TCP. */
class SippInteropTest {
    private static final String SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
    private SipStack stack;

    @AfterEach
    void stop() {
        if (stack != null) stack.close();
    }

    private SipStack start(RecordingListener listener) throws IOException {
        // the default timers: sipp may take a moment to start, and timer A covers it only with T1 = 500 ms
        return SipStack.start(SipConfig.builder().bindAddress(InetAddress.getLoopbackAddress())
                .udpPort(0).tcpPort(0).tlsPort(-1).build(), listener);
    }

    /** A UAS that answers INVITE with 180 then 200 (with SDP), and BYE with 200. */
    private static void uas(ServerTransaction tx, SipStack[] self) {
        SipRequest r = tx.request();
        String tag = SipStack.newTag();
        switch (r.method()) {
            case "INVITE" -> {
                tx.respond(r.createResponse(180, "Ringing", tag));
                SipResponse ok = r.createResponse(200, "OK", tag);
                ok.headers().add("Contact", NameAddress.of(self[0].contactUri("uas", r.source().transport())).toString());
                ok.setBody("application/sdp", SDP.getBytes(StandardCharsets.US_ASCII));
                tx.respond(ok);
            }
            case "BYE" -> tx.respond(r.createResponse(200, "OK"));
            default -> tx.respond(r.createResponse(501, null, tag));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void sippSendsOptionsAndGets200(String transport) throws Exception {
        stack = start(new RecordingListener());
        boolean tcp = transport.equals("TCP");
        Path scenario = Files.createTempFile("options", ".xml");
        try (var in = getClass().getResourceAsStream("/sipp/options.xml")) {
            Files.write(scenario, in.readAllBytes());
        }
        InetSocketAddress target = stack.localAddress(Transport.valueOf(transport));
        Sipp.Run run = Sipp.runToEnd(tcp, List.of("-sf", scenario.toString(), "127.0.0.1:" + target.getPort()), 90);
        assertThat(run.process().exitValue()).as(run.output()).isZero();
        Files.deleteIfExists(scenario);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void sippCallsTheStackWhichAnswersAcksAndHangsUp(String transport) throws Exception {
        SipStack[] self = new SipStack[1];
        RecordingListener listener = new RecordingListener().answering(tx -> uas(tx, self));
        stack = start(listener);
        self[0] = stack;
        InetSocketAddress target = stack.localAddress(Transport.valueOf(transport));
        Sipp.Run run = Sipp.runToEnd(transport.equals("TCP"), List.of("-sn", "uac", "127.0.0.1:" + target.getPort()), 90);
        assertThat(run.process().exitValue()).as(run.output()).isZero();
        assertThat(listener.acks.poll(5, TimeUnit.SECONDS)).as("the 2xx ACK reached the user").isNotNull();
        assertThat(listener.requests).extracting(tx -> tx.request().method()).containsExactly("INVITE", "BYE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void theStackCallsSippAcksTheAnswerAndHangsUp(String transport) throws Exception {
        stack = start(new RecordingListener());
        boolean tcp = transport.equals("TCP");
        Transport t = Transport.valueOf(transport);
        Sipp.Run run = Sipp.start(tcp, List.of("-sn", "uas"));
        Destination sipp = Destination.of(t, new InetSocketAddress(InetAddress.getLoopbackAddress(), run.port()));
        if (tcp) awaitListening(run.port());

        SipUri callee = SipUri.sip("service", "127.0.0.1", run.port());
        SipRequest invite = SipRequest.builder("INVITE", tcp ? callee.withParam("transport", "tcp") : callee)
                .from(NameAddress.of(SipUri.sip("switchboard", "127.0.0.1", -1)).withTag(SipStack.newTag()))
                .to(NameAddress.of(callee)).callId(SipStack.newCallId()).cseq(1)
                .contact(NameAddress.of(stack.contactUri("switchboard", t)))
                .body("application/sdp", SDP.getBytes(StandardCharsets.US_ASCII)).build();
        CompletableFuture<SipResponse> answered = new CompletableFuture<>();
        stack.send(invite, sipp, handler(answered));
        SipResponse ok = answered.get(60, TimeUnit.SECONDS);
        assertThat(ok.status()).isEqualTo(200);

        Dialog dialog = Dialog.asUac(invite, ok);
        stack.sendAck(dialog.newAck(invite.cseq().number()), sipp);
        CompletableFuture<SipResponse> hungUp = new CompletableFuture<>();
        stack.send(dialog.newRequest("BYE"), sipp, handler(hungUp));
        assertThat(hungUp.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(run.await(60)).as(run.output()).isZero();
    }

    private static ResponseHandler handler(CompletableFuture<SipResponse> done) {
        return new ResponseHandler() {
            @Override public void onFinal(SipResponse r) { done.complete(r); }

            @Override public void onTimeout() { done.completeExceptionally(new AssertionError("timed out")); }

            @Override public void onTransportError(Exception e) { done.completeExceptionally(e); }
        };
    }

    /** Waits until sipp accepts TCP connections (it starts in well under a second, but machines are busy). */
    private static void awaitListening(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("sipp never listened on " + port);
    }
}
