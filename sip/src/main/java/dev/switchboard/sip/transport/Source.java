package dev.switchboard.sip.transport;

import java.net.InetSocketAddress;

/**
 * Where a received message came from.
 *
 * @param transport  the transport it arrived on
 * @param remote     the peer's address and port as seen on the packet or connection
 * @param local      our address and port it arrived at
 * @param connection the flow for TCP, TLS and WebSocket; null for UDP
 */
public record Source(Transport transport, InetSocketAddress remote, InetSocketAddress local, Connection connection) {
    /** Where to send back to the same peer: over the same connection when there is one. */
    public Destination replyDestination() {
        return new Destination(transport, remote, connection);
    }
}
