package dev.switchboard.sip.transport;

import java.net.InetSocketAddress;

/**
 * A connection-oriented flow (TCP, TLS or WebSocket) a message arrived on. A registrar keeps it with a binding so
 * that requests to that contact reuse the connection the phone opened (RFC 5626 style; phones behind NAT cannot
 * accept new connections). Sending on a closed connection fails with a transport error.
 */
public interface Connection {
    /** Unique for the life of the process; stable to log and to store with a binding. */
    String id();

    Transport transport();

    InetSocketAddress remote();

    InetSocketAddress local();

    boolean isOpen();
}
