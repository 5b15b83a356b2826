package dev.switchboard.sip.transport;

import java.net.InetSocketAddress;

/**
 * One WebSocket connection as the HTTP server sees it (subprotocol {@code sip}, RFC 7118). The server implements this
 * over its WebSocket session and hands it to {@link WebSocketTransport#accept}.
 */
public interface WsPeer {
    /** Sends one text frame holding one SIP message. Must be safe to call from any thread. */
    void send(String frame);

    void close();

    InetSocketAddress remoteAddress();

    InetSocketAddress localAddress();
}
