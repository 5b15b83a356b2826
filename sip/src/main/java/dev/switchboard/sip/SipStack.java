package dev.switchboard.sip;

import dev.switchboard.sip.message.SipMessage;
import dev.switchboard.sip.message.SipRequest;
import dev.switchboard.sip.message.SipUri;
import dev.switchboard.sip.message.Via;
import dev.switchboard.sip.transaction.ClientTransaction;
import dev.switchboard.sip.transaction.ResponseHandler;
import dev.switchboard.sip.transport.Destination;
import dev.switchboard.sip.transport.Transport;
import dev.switchboard.sip.transport.WebSocketTransport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The SIP stack: transports (UDP, TCP, TLS, WebSocket adapter), the transaction layer and the stateless checks in front
 * of the {@link SipListener}. Start one per process with {@link #start}; close it to release its ports and threads.
 */
public final class SipStack implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    private SipStack() {}

    /**
     * Binds the configured transports and starts delivering requests to {@code listener}.
     *
     * @throws IOException when a port cannot be bound or the TLS material cannot be read or generated
     */
    public static SipStack start(SipConfig config, SipListener listener) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Sends a request in a new client transaction. The stack adds a top Via for the destination's transport with a new
     * branch when the request has none, Max-Forwards 70 when absent, and User-Agent. Never blocks; failures reach
     * {@code handler.onTransportError}.
     */
    public ClientTransaction send(SipRequest request, Destination destination, ResponseHandler handler) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Sends the ACK for a 2xx (outside any transaction, RFC 3261 §13.2.2.4); a Via with a new branch is added when missing. */
    public void sendAck(SipRequest ack, Destination destination) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Sends a message outside any transaction (a response to a request we did not keep, a keep-alive). */
    public void sendStateless(SipMessage message, Destination destination) {
        throw new UnsupportedOperationException("not yet");
    }

    /** A Via for requests we send on {@code transport}, with our advertised host, bound port and a new branch. */
    public Via newVia(Transport transport) {
        throw new UnsupportedOperationException("not yet");
    }

    /** A Contact URI reaching this stack on {@code transport} ({@code ;transport=} added except for UDP). */
    public SipUri contactUri(String user, Transport transport) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The address a transport is bound to (with the actual port when 0 was configured); null when disabled. */
    public InetSocketAddress localAddress(Transport transport) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The adapter the HTTP server feeds WebSocket connections into. */
    public WebSocketTransport webSocket() {
        throw new UnsupportedOperationException("not yet");
    }

    public SipConfig config() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Closes every transport and cancels the timers; open transactions end without telling their users. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("not yet");
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
}
