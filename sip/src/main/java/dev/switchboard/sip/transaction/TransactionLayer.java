package dev.switchboard.sip.transaction;

import dev.switchboard.sip.SipConfig;
import dev.switchboard.sip.SipMetrics;
import dev.switchboard.sip.message.HeaderNames;
import dev.switchboard.sip.message.SipMessage;
import dev.switchboard.sip.message.SipRequest;
import dev.switchboard.sip.message.SipResponse;
import dev.switchboard.sip.message.Via;
import dev.switchboard.sip.transport.Destination;
import dev.switchboard.sip.transport.TransportLayer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * RFC 3261 §17 transactions: matching (by branch, with the RFC 2543 fallback), state machines, timers and
 * retransmissions, CANCEL against its INVITE, and the RFC 6026 handling of 2xx to INVITE. Used by {@code SipStack};
 * not for direct use.
 */
public final class TransactionLayer {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionLayer.class);

    final SipConfig config;
    final TransportLayer transport;
    final SipMetrics metrics;
    final Timers timers;
    private final Map<String, ServerTransactionImpl> servers = new ConcurrentHashMap<>();
    private final Map<String, ClientTransactionImpl> clients = new ConcurrentHashMap<>();
    /** INVITE server transactions whose 2xx waits for its ACK, by Call-ID and CSeq number. */
    private final Map<String, ServerTransactionImpl> awaitingAck = new ConcurrentHashMap<>();

    public TransactionLayer(SipConfig config, TransportLayer transport, SipMetrics metrics, ScheduledExecutorService scheduler) {
        this.config = config;
        this.transport = transport;
        this.metrics = metrics;
        this.timers = new Timers(config, scheduler);
        metrics.gauge("sip.transactions.active", () -> servers.size() + clients.size());
    }

    /** What became of a received request. */
    public sealed interface Received {
        /** A new request with its server transaction: the user (or the stack's own checks) must answer it. */
        record New(ServerTransaction transaction) implements Received {}

        /** An ACK for a 2xx: the user's. */
        record AckFor2xx(SipRequest ack) implements Received {}

        /** Absorbed: a retransmission, an ACK for a non-2xx, or a CANCEL already answered. */
        record Absorbed() implements Received {}
    }

    /** Matches a received request against the server transactions (RFC 3261 §17.2.3) and handles what it can. */
    public Received receive(SipRequest request) {
        String key = serverKey(request, request.method());
        if (request.isMethod(SipRequest.ACK)) {
            ServerTransactionImpl invite = servers.get(key);
            if (invite != null && invite.absorbAck()) return new Received.Absorbed();
            ServerTransactionImpl accepted = awaitingAck.remove(ackKey(request));
            if (accepted != null) accepted.ackReceived();
            return new Received.AckFor2xx(request);
        }
        ServerTransactionImpl existing = servers.get(key);
        if (existing != null) {
            existing.retransmitted();
            return new Received.Absorbed();
        }
        ServerTransactionImpl created = new ServerTransactionImpl(this, key, request);
        ServerTransactionImpl raced = servers.putIfAbsent(key, created);
        if (raced != null) {
            raced.retransmitted();
            return new Received.Absorbed();
        }
        if (request.isMethod(SipRequest.CANCEL)) {
            ServerTransactionImpl invite = servers.get(serverKey(request, SipRequest.INVITE));
            if (invite == null) {
                created.respond(request.createResponse(481));
            } else {
                created.respond(request.createResponse(200, "OK", invite.toTag()));
                invite.cancelled();
            }
            return new Received.Absorbed();
        }
        created.started();
        return new Received.New(created);
    }

    /** Hands a response to its client transaction; false when none matches (RFC 3261 §17.1.3). */
    public boolean receive(SipResponse response) {
        Optional<String> branch = response.topVia().branch();
        if (branch.isEmpty()) return false;
        ClientTransactionImpl tx = clients.get(clientKey(branch.get(), response.cseq().method()));
        if (tx == null) return false;
        tx.received(response);
        return true;
    }

    /** Starts a client transaction for a request that already carries its Via. */
    public ClientTransaction send(SipRequest request, Destination destination, ResponseHandler handler) {
        String branch = request.topVia().branch().orElseThrow(() -> new IllegalArgumentException("request without branch"));
        ClientTransactionImpl tx = new ClientTransactionImpl(this, clientKey(branch, request.method()), branch, request, destination, handler);
        if (clients.putIfAbsent(tx.key, tx) != null) throw new IllegalStateException("branch already in use: " + branch);
        tx.start();
        return tx;
    }

    /** Sends a message without a transaction; failures are logged. */
    public CompletableFuture<Void> sendStateless(SipMessage message, Destination destination) {
        metrics.sent(message);
        return transport.send(destination, message.toBytes()).whenComplete((v, e) -> {
            if (e != null) LOG.debug("stateless send of {} to {} failed: {}", message.startLine(), destination, e.toString());
        });
    }

    void forget(ServerTransactionImpl tx) {
        servers.remove(tx.key, tx);
    }

    void forget(ClientTransactionImpl tx) {
        clients.remove(tx.key, tx);
    }

    void awaitAck(ServerTransactionImpl tx) {
        awaitingAck.put(ackKey(tx.request()), tx);
    }

    void stopAwaitingAck(ServerTransactionImpl tx) {
        awaitingAck.remove(ackKey(tx.request()), tx);
    }

    /** Runs a user callback, logging what it throws so a faulty user never breaks the transaction. */
    static <T> void call(Consumer<T> callback, T value) {
        try {
            callback.accept(value);
        } catch (RuntimeException e) {
            LOG.error("SIP transaction user failed", e);
        }
    }

    static void call(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.error("SIP transaction user failed", e);
        }
    }

    public int activeTransactions() {
        return servers.size() + clients.size();
    }

    /**
     * RFC 3261 §17.2.3: branch, sent-by and method (ACK matches INVITE), plus Call-ID and CSeq number; for RFC 2543 requests without a magic-cookie
     * branch, Request-URI, Call-ID, From tag, CSeq number and top Via.
     */
    static String serverKey(SipRequest request, String method) {
        Via via = request.topVia();
        String m = method.equals(SipRequest.ACK) ? SipRequest.INVITE : method;
        if (via.hasRfc3261Branch()) {
            // Call-ID and CSeq number as well: a retransmission (and its CANCEL or ACK) always has the same, while
            // peers that reuse branches across requests (RFC 4475's messages do) stay apart
            return via.branch().orElseThrow() + "|" + via.sentBy().toLowerCase(Locale.ROOT) + "|" + m + "|"
                    + request.callId() + "|" + request.cseq().number();
        }
        return "2543|" + request.requestUri() + "|" + request.callId() + "|" + request.from().tag().orElse("") + "|"
                + request.cseq().number() + "|" + via.sentBy().toLowerCase(Locale.ROOT) + "|" + m;
    }

    static String clientKey(String branch, String method) {
        return branch + "|" + (method.equals(SipRequest.ACK) ? SipRequest.INVITE : method);
    }

    private static String ackKey(SipMessage m) {
        return m.callId() + "|" + m.cseq().number() + "|" + m.header(HeaderNames.FROM).map(f -> m.from().tag().orElse("")).orElse("");
    }
}
