package dev.switchboard.server.peers;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A browser-style phone speaking SIP over WebSocket (RFC 7118) with the JDK's WebSocket client: subprotocol
 * {@code sip}, one SIP message per text frame, an {@code .invalid} host in Via and Contact (the server can only reach
 * it back over this connection), digest answers from {@link DigestAnswer}. Small on purpose: REGISTER, INVITE with an
 * SDP offer, ACK, BYE, and answering an INVITE that comes in.
 */
final class WebSocketPhone implements AutoCloseable {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** An established call: what the next in-dialog request needs. */
    record Dialog(String callId, String localUri, String localTag, String remoteUri, String remoteTag,
                  String remoteTarget, List<String> routes, AtomicInteger cseq, String remoteSdp) {
    }

    private final String user;
    private final String password;
    private final String domain;
    private final String host = "p" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".invalid";
    private final WebSocket socket;
    private final List<SipText> received = new ArrayList<>();
    private final List<String> frames = new ArrayList<>();
    private final AtomicInteger cseq = new AtomicInteger();
    private final String registerCallId = newId();
    private volatile boolean registered;

    private WebSocketPhone(String user, String password, String domain, URI server) {
        this.user = user;
        this.password = password;
        this.domain = domain;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("sip")
                .buildAsync(server, new Listener()).orTimeout(PATIENCE.toSeconds(), TimeUnit.SECONDS).join();
    }

    static WebSocketPhone connect(URI server, String user, String password, String domain) {
        return new WebSocketPhone(user, password, domain, server);
    }

    /** The subprotocol the server chose (RFC 7118 requires {@code sip}). */
    String subprotocol() {
        return socket.getSubprotocol();
    }

    String contact() {
        return "<sip:" + user + "@" + host + ";transport=ws>";
    }

    /** Every frame the server sent, as text: each must hold exactly one SIP message. */
    List<String> frames() {
        synchronized (received) {
            return List.copyOf(frames);
        }
    }

    /** REGISTER (answering one digest challenge), returning the final response. */
    SipText register(int expires) {
        String uri = "sip:" + domain;
        String aor = "<sip:" + user + "@" + domain + ">";
        String fromTag = newId();
        Optional<String> authorization = Optional.empty();
        for (int attempt = 0; ; attempt++) {
            int n = cseq.incrementAndGet();
            String branch = branch();
            StringBuilder request = new StringBuilder("REGISTER " + uri + " SIP/2.0\r\n")
                    .append(via(branch))
                    .append("Max-Forwards: 70\r\n")
                    .append("From: ").append(aor).append(";tag=").append(fromTag).append("\r\n")
                    .append("To: ").append(aor).append("\r\n")
                    .append("Call-ID: ").append(registerCallId).append("\r\n")
                    .append("CSeq: ").append(n).append(" REGISTER\r\n")
                    .append("Contact: ").append(contact()).append(";expires=").append(expires).append("\r\n")
                    .append("Expires: ").append(expires).append("\r\n");
            authorization.ifPresent(a -> request.append(a).append("\r\n"));
            send(request.append("Content-Length: 0\r\n\r\n").toString());
            SipText response = awaitFinal(branch);
            if ((response.status() == 401 || response.status() == 407) && attempt == 0) {
                authorization = Optional.of(authorization(response, "REGISTER", uri));
                continue;
            }
            registered = response.status() == 200 && expires > 0;
            return response;
        }
    }

    /**
     * INVITE {@code target} with a G.711 offer whose audio port is {@code rtpPort}; on 200 it sends the ACK and returns
     * the dialog. A final error (after one digest challenge) is ACKed and thrown.
     */
    Dialog call(String target, int rtpPort) {
        String uri = "sip:" + target + "@" + domain;
        String callId = newId();
        String fromTag = newId();
        String from = "<sip:" + user + "@" + domain + ">";
        String sdp = offer(rtpPort);
        Optional<String> authorization = Optional.empty();
        for (int attempt = 0; ; attempt++) {
            int n = cseq.incrementAndGet();
            String branch = branch();
            StringBuilder request = new StringBuilder("INVITE " + uri + " SIP/2.0\r\n")
                    .append(via(branch))
                    .append("Max-Forwards: 70\r\n")
                    .append("From: ").append(from).append(";tag=").append(fromTag).append("\r\n")
                    .append("To: <").append(uri).append(">\r\n")
                    .append("Call-ID: ").append(callId).append("\r\n")
                    .append("CSeq: ").append(n).append(" INVITE\r\n")
                    .append("Contact: ").append(contact()).append("\r\n")
                    .append("Content-Type: application/sdp\r\n");
            authorization.ifPresent(a -> request.append(a).append("\r\n"));
            send(request.append("Content-Length: ").append(utf8Length(sdp)).append("\r\n\r\n").append(sdp).toString());
            SipText response = awaitFinal(branch);
            if (response.status() >= 300) {
                send(ackOfError(uri, branch, response, n));
                if ((response.status() == 401 || response.status() == 407) && attempt == 0) {
                    authorization = Optional.of(authorization(response, "INVITE", uri));
                    continue;
                }
                throw new IllegalStateException("INVITE " + target + " failed:\r\n" + response);
            }
            List<String> routes = new ArrayList<>(response.headers("record-route")).reversed();
            String to = response.header("to").orElseThrow();
            Dialog dialog = new Dialog(callId, from, fromTag, to.replaceAll(";tag=.*", ""),
                    SipText.param(to, "tag").orElseThrow(), target(response), routes, new AtomicInteger(n),
                    response.body());
            send(inDialog("ACK", dialog, n, branch()));
            return dialog;
        }
    }

    /** Sends BYE in the dialog and returns the response. */
    SipText hangUp(Dialog dialog) {
        String branch = branch();
        send(inDialog("BYE", dialog, dialog.cseq().incrementAndGet(), branch));
        return awaitFinal(branch);
    }

    /** Waits for a request the server sends (INVITE, BYE…), taking it from what arrived. */
    SipText awaitRequest(String method) {
        return awaitMessage(m -> !m.isResponse() && m.method().equals(method), "a " + method + " request");
    }

    /** Answers an incoming INVITE with 180 then 200 and a G.711 answer on {@code rtpPort}, and waits for the ACK. */
    Dialog answer(SipText invite, int rtpPort) {
        String localTag = newId();
        send(response(invite, 180, "Ringing", localTag, ""));
        String sdp = offer(rtpPort);
        send(response(invite, 200, "OK", localTag, sdp));
        awaitMessage(m -> !m.isResponse() && m.method().equals("ACK") && m.callId().equals(invite.callId()),
                "the ACK of our 200 to " + invite.callId());
        String from = invite.header("from").orElseThrow();
        return new Dialog(invite.callId(), invite.header("to").orElseThrow(), localTag,
                from.replaceAll(";tag=.*", ""), SipText.param(from, "tag").orElseThrow(), target(invite),
                invite.headers("record-route"), new AtomicInteger(0), invite.body());
    }

    /** Answers a request with a status and no body (e.g. 200 to a BYE). */
    void respond(SipText request, int status, String reason) {
        send(response(request, status, reason, null, ""));
    }

    private String response(SipText request, int status, String reason, String toTag, String sdp) {
        StringBuilder out = new StringBuilder("SIP/2.0 " + status + " " + reason + "\r\n");
        request.headers("via").forEach(v -> out.append("Via: ").append(v).append("\r\n"));
        request.headers("record-route").forEach(r -> out.append("Record-Route: ").append(r).append("\r\n"));
        String to = request.header("to").orElseThrow();
        if (toTag != null && SipText.param(to, "tag").isEmpty()) {
            to = to + ";tag=" + toTag;
        }
        out.append("From: ").append(request.header("from").orElseThrow()).append("\r\n")
                .append("To: ").append(to).append("\r\n")
                .append("Call-ID: ").append(request.callId()).append("\r\n")
                .append("CSeq: ").append(request.header("cseq").orElseThrow()).append("\r\n");
        if (request.method().equals("INVITE") && status < 300) {
            out.append("Contact: ").append(contact()).append("\r\n");
        }
        if (!sdp.isEmpty()) {
            out.append("Content-Type: application/sdp\r\n");
        }
        return out.append("Content-Length: ").append(utf8Length(sdp)).append("\r\n\r\n").append(sdp).toString();
    }

    private String inDialog(String method, Dialog dialog, int n, String branch) {
        StringBuilder out = new StringBuilder(method + " " + dialog.remoteTarget() + " SIP/2.0\r\n")
                .append(via(branch))
                .append("Max-Forwards: 70\r\n");
        dialog.routes().forEach(r -> out.append("Route: ").append(r).append("\r\n"));
        return out.append("From: ").append(dialog.localUri()).append(";tag=").append(dialog.localTag()).append("\r\n")
                .append("To: ").append(dialog.remoteUri()).append(";tag=").append(dialog.remoteTag()).append("\r\n")
                .append("Call-ID: ").append(dialog.callId()).append("\r\n")
                .append("CSeq: ").append(n).append(' ').append(method).append("\r\n")
                .append("Content-Length: 0\r\n\r\n").toString();
    }

    /** RFC 3261 17.1.1.3: the ACK of a non-2xx final response shares the INVITE's branch and takes the To tag. */
    private String ackOfError(String uri, String branch, SipText response, int n) {
        return "ACK " + uri + " SIP/2.0\r\n" + via(branch) + "Max-Forwards: 70\r\n"
                + "From: " + response.header("from").orElseThrow() + "\r\n"
                + "To: " + response.header("to").orElseThrow() + "\r\n"
                + "Call-ID: " + response.callId() + "\r\n"
                + "CSeq: " + n + " ACK\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    private String authorization(SipText challenge, String method, String uri) {
        boolean proxy = challenge.status() == 407;
        List<String> offers = challenge.headers(proxy ? "proxy-authenticate" : "www-authenticate");
        String value = DigestAnswer.answer(DigestAnswer.strongest(offers), user, password, method, uri);
        return (proxy ? "Proxy-Authorization: " : "Authorization: ") + value;
    }

    private static String target(SipText message) {
        String contact = message.header("contact").orElseThrow(() -> new IllegalStateException(
                "no Contact in\r\n" + message));
        int open = contact.indexOf('<');
        return open < 0 ? contact.split(";")[0] : contact.substring(open + 1, contact.indexOf('>'));
    }

    private String offer(int rtpPort) {
        long session = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        return "v=0\r\n"
                + "o=- " + session + " 1 IN IP4 127.0.0.1\r\n"
                + "s=-\r\n"
                + "c=IN IP4 127.0.0.1\r\n"
                + "t=0 0\r\n"
                + "m=audio " + rtpPort + " RTP/AVP 0 8 101\r\n"
                + "a=rtpmap:0 PCMU/8000\r\n"
                + "a=rtpmap:8 PCMA/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\n"
                + "a=fmtp:101 0-16\r\n"
                + "a=ptime:20\r\n"
                + "a=sendrecv\r\n";
    }

    private String via(String branch) {
        return "Via: SIP/2.0/WS " + host + ";branch=" + branch + ";rport\r\n";
    }

    private SipText awaitFinal(String branch) {
        return awaitMessage(m -> m.isResponse() && m.status() >= 200
                && m.header("via").map(v -> v.contains("branch=" + branch)).orElse(false),
                "a final response to branch " + branch);
    }

    private SipText awaitMessage(Predicate<SipText> wanted, String what) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).alias(what + " (received: " + summary() + ")")
                .until(() -> take(wanted), Optional::isPresent).orElseThrow();
    }

    private Optional<SipText> take(Predicate<SipText> wanted) {
        synchronized (received) {
            for (int i = 0; i < received.size(); i++) {
                if (wanted.test(received.get(i))) {
                    return Optional.of(received.remove(i));
                }
            }
            return Optional.empty();
        }
    }

    private String summary() {
        synchronized (received) {
            return received.stream().map(SipText::startLine).toList().toString();
        }
    }

    private void send(String message) {
        synchronized (socket) {
            socket.sendText(message, true).orTimeout(PATIENCE.toSeconds(), TimeUnit.SECONDS).join();
        }
    }

    private static String branch() {
        return "z9hG4bK" + newId();
    }

    private static String newId() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Unregisters (as a browser phone does when its page closes) and closes the WebSocket. */
    @Override
    public void close() {
        if (registered) {
            register(0);
        }
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                SipText message = SipText.parse(frame);
                if (!message.isResponse() && message.method().equals("OPTIONS")) {
                    send(response(message, 200, "OK", null, ""));
                } else {
                    synchronized (received) {
                        frames.add(frame);
                        received.add(message);
                    }
                }
            }
            webSocket.request(1);
            return CompletableFuture.completedFuture(null);
        }
    }
}
