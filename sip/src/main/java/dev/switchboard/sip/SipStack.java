package dev.switchboard.sip;

import dev.switchboard.sip.dialog.OptionsRequests;
import dev.switchboard.sip.message.HeaderNames;
import dev.switchboard.sip.message.SipMessage;
import dev.switchboard.sip.message.SipParseException;
import dev.switchboard.sip.message.SipParser;
import dev.switchboard.sip.message.SipRequest;
import dev.switchboard.sip.message.SipResponse;
import dev.switchboard.sip.message.SipUri;
import dev.switchboard.sip.message.Via;
import dev.switchboard.sip.transaction.ClientTransaction;
import dev.switchboard.sip.transaction.ResponseHandler;
import dev.switchboard.sip.transaction.ServerTransaction;
import dev.switchboard.sip.transaction.TransactionLayer;
import dev.switchboard.sip.transport.Destination;
import dev.switchboard.sip.transport.Inbound;
import dev.switchboard.sip.transport.Source;
import dev.switchboard.sip.transport.Transport;
import dev.switchboard.sip.transport.TransportLayer;
import dev.switchboard.sip.transport.WebSocketTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The SIP stack: transports (UDP, TCP, TLS, WebSocket adapter), the transaction layer and the stateless checks in front
 * of the {@link SipListener}. Start one per process with {@link #start}; close it to release its ports and threads.
 */
public final class SipStack implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SipStack.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SipConfig config;
    private final SipListener listener;
    private final SipMetrics metrics;
    private final ScheduledThreadPoolExecutor scheduler;
    private final TransportLayer transport;
    private final TransactionLayer transactions;

    private SipStack(SipConfig config, SipListener listener) {
        this.config = config;
        this.listener = listener;
        this.metrics = new SipMetrics(config.meterRegistry());
        this.scheduler = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("sip-timers").daemon().factory());
        this.scheduler.setRemoveOnCancelPolicy(true);
        this.transport = new TransportLayer(config, new SipParser(config.limits()), new Receiver(), metrics);
        this.transactions = new TransactionLayer(config, transport, metrics, scheduler);
    }

    /**
     * Binds the configured transports and starts delivering requests to {@code listener}.
     *
     * @throws IOException when a port cannot be bound or the TLS material cannot be read or generated
     */
    public static SipStack start(SipConfig config, SipListener listener) throws IOException {
        SipStack stack = new SipStack(config, listener);
        try {
            stack.transport.start();
        } catch (IOException e) {
            stack.scheduler.shutdownNow();
            throw e;
        }
        LOG.info("SIP listening on UDP {} TCP {} TLS {}", stack.localAddress(Transport.UDP),
                stack.localAddress(Transport.TCP), stack.localAddress(Transport.TLS));
        return stack;
    }

    /**
     * Sends a request in a new client transaction. The stack adds a top Via for the destination's transport with a new
     * branch when the request has none, Max-Forwards 70 when absent, and User-Agent. Never blocks; failures reach
     * {@code handler.onTransportError}.
     */
    public ClientTransaction send(SipRequest request, Destination destination, ResponseHandler handler) {
        prepare(request, destination);
        return transactions.send(request, destination, handler);
    }

    /** Sends the ACK for a 2xx (outside any transaction, RFC 3261 §13.2.2.4); a Via with a new branch is added when missing. */
    public void sendAck(SipRequest ack, Destination destination) {
        prepare(ack, destination);
        transactions.sendStateless(ack, destination);
    }

    /** Sends a message outside any transaction (a response to a request we did not keep, a keep-alive). */
    public void sendStateless(SipMessage message, Destination destination) {
        if (message instanceof SipRequest r) prepare(r, destination);
        transactions.sendStateless(message, destination);
    }

    private void prepare(SipRequest request, Destination destination) {
        if (!request.headers().contains(HeaderNames.VIA)) request.headers().addFirst(HeaderNames.VIA, newVia(destination.transport()).toString());
        if (!request.headers().contains(HeaderNames.MAX_FORWARDS)) request.headers().add(HeaderNames.MAX_FORWARDS, "70");
        if (!request.headers().contains(HeaderNames.USER_AGENT)) request.headers().add(HeaderNames.USER_AGENT, config.userAgent());
    }

    /** A Via for requests we send on {@code transport}, with our advertised host, bound port, rport and a new branch. */
    public Via newVia(Transport transport) {
        return Via.of(transport.viaName(), config.advertisedHost(), advertisedPort(transport), newBranch()).withParam("rport", null);
    }

    /** A Contact URI reaching this stack on {@code transport} ({@code ;transport=} added except for UDP). */
    public SipUri contactUri(String user, Transport transport) {
        SipUri uri = SipUri.sip(user, config.advertisedHost(), advertisedPort(transport));
        return transport == Transport.UDP ? uri : uri.withParam("transport", transport.name().toLowerCase(Locale.ROOT));
    }

    private int advertisedPort(Transport transport) {
        InetSocketAddress bound = localAddress(transport);
        return bound == null ? -1 : bound.getPort();
    }

    /** The address a transport is bound to (with the actual port when 0 was configured); null when disabled or WS. */
    public InetSocketAddress localAddress(Transport transport) {
        return this.transport.localAddress(transport);
    }

    /** The adapter the HTTP server feeds WebSocket connections into. */
    public WebSocketTransport webSocket() {
        return transport.webSocket();
    }

    public SipConfig config() {
        return config;
    }

    /** Open server and client transactions. */
    public int activeTransactions() {
        return transactions.activeTransactions();
    }

    /** Closes every transport and cancels the timers; open transactions end without telling their users. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        transport.close();
        try {
            scheduler.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A new RFC 3261 branch: the magic cookie and 16 random hex digits. */
    public static String newBranch() {
        return Via.MAGIC_COOKIE + randomHex(8);
    }

    /** A new From/To tag. */
    public static String newTag() {
        return randomHex(6);
    }

    /** A new Call-ID (globally unique by its randomness, RFC 3261 §8.1.1.4). */
    public static String newCallId() {
        return randomHex(16);
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** What the transports deliver: requests through the transaction layer and the checks, responses to their transaction. */
    private final class Receiver implements Inbound {
        @Override
        public void onMessage(SipMessage message) {
            if (message instanceof SipResponse response) {
                if (!transactions.receive(response)) listener.onStrayResponse(response);
                return;
            }
            SipRequest request = (SipRequest) message;
            Via top = request.topVia();
            if (Transport.fromName(top.transport()).isEmpty()) {
                respondStateless(request, request.createResponse(400, "Bad Request (unsupported transport " + top.transport() + ")"));
                return;
            }
            stampReceived(request, top);
            switch (transactions.receive(request)) {
                case TransactionLayer.Received.New(ServerTransaction tx) -> dispatch(tx);
                case TransactionLayer.Received.AckFor2xx(SipRequest ack) -> listener.onAck(ack);
                case TransactionLayer.Received.Absorbed() -> { }
            }
        }

        @Override
        public void onParseError(SipParseException error, Source source) {
            Optional<SipResponse> response = error.errorResponse();
            if (response.isEmpty()) {
                metrics.dropped("malformed");
                LOG.atDebug().addKeyValue("peer", source.remote()).addKeyValue("reason", error.getMessage())
                        .log("dropped malformed SIP");
                return;
            }
            LOG.atDebug().addKeyValue("peer", source.remote()).addKeyValue("status", error.status())
                    .addKeyValue("reason", error.getMessage()).log("answering malformed SIP");
            Via via = Via.parse(error.partialHeaders().first(HeaderNames.VIA).orElseThrow());
            transactions.sendStateless(response.get(), Destination.forResponse(via, source, config.forceRport()));
        }

        private void respondStateless(SipRequest request, SipResponse response) {
            if (request.isMethod(SipRequest.ACK)) return;
            transactions.sendStateless(response, Destination.forResponse(request.topVia(), request.source(), config.forceRport()));
        }
    }

    /** RFC 3261 §18.2.1 and RFC 3581: note where the request really came from in its top Via. */
    private void stampReceived(SipRequest request, Via top) {
        Source source = request.source();
        String ip = source.remote().getAddress().getHostAddress();
        Via stamped = top;
        if (!top.host().replaceAll("[\\[\\]]", "").equalsIgnoreCase(ip) || top.hasRport()) stamped = stamped.withParam("received", ip);
        if (top.hasRport()) stamped = stamped.withParam("rport", Integer.toString(source.remote().getPort()));
        if (stamped != top) request.headers().setFirst(HeaderNames.VIA, stamped.toString());
    }

    /** RFC 3261 §8.2 checks the stack makes for every user, then the listener. */
    private void dispatch(ServerTransaction tx) {
        SipRequest request = tx.request();
        try {
            Optional<SipResponse> refusal = refusal(request);
            if (refusal.isPresent()) {
                tx.respond(refusal.get());
                return;
            }
            if (request.isMethod(SipRequest.OPTIONS) && request.to().tag().isEmpty() && !listener.handlesOptions()) {
                tx.respond(OptionsRequests.answer(request, config.allowedMethods(), config.supportedExtensions()));
                return;
            }
            listener.onRequest(tx);
        } catch (RuntimeException e) {
            LOG.atError().addKeyValue("callId", request.callId()).addKeyValue("method", request.method())
                    .setCause(e).log("the SIP listener failed on a request; answering 500");
            if (!tx.isAnswered()) tx.respond(request.createResponse(500, "Server Internal Error", SipStack.newTag()));
        }
    }

    /** 416 for URI schemes we do not route, 420 for Require we do not support, 415/406 for INVITE bodies we cannot read or answer. */
    private Optional<SipResponse> refusal(SipRequest request) {
        SipUri uri = request.requestUri();
        if (!uri.isSip() && !uri.isTel()) return Optional.of(request.createResponse(416, null, newTag()));
        List<String> unsupported = request.tokens(HeaderNames.REQUIRE).stream()
                .filter(tag -> !config.supportedExtensions().contains(tag.toLowerCase(Locale.ROOT))).toList();
        if (!unsupported.isEmpty()) {
            SipResponse r = request.createResponse(420, null, newTag());
            r.headers().add(HeaderNames.UNSUPPORTED, String.join(", ", unsupported));
            return Optional.of(r);
        }
        if (request.isMethod(SipRequest.INVITE)) {
            Optional<String> type = request.contentType();
            if (request.body().length > 0 && type.isPresent() && !config.inviteBodyTypes().contains(type.get())) {
                SipResponse r = request.createResponse(415, null, newTag());
                r.headers().add(HeaderNames.ACCEPT, String.join(", ", config.inviteBodyTypes()));
                return Optional.of(r);
            }
            List<String> accept = request.tokens(HeaderNames.ACCEPT);
            if (!accept.isEmpty() && accept.stream().map(a -> a.split(";")[0].trim().toLowerCase(Locale.ROOT))
                    .noneMatch(a -> a.equals("application/sdp") || a.equals("application/*") || a.equals("*/*"))) {
                SipResponse r = request.createResponse(406, null, newTag());
                r.headers().add(HeaderNames.ACCEPT, "application/sdp");
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
