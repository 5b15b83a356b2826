package dev.switchboard.sip.transport;

/**
 * SIP over WebSocket (RFC 7118) without an HTTP server of its own: the server's WebSocket endpoint (subprotocol
 * {@code sip}) calls {@link #accept} for each new connection and feeds frames to the sink it returns.
 */
public interface WebSocketTransport {
    /**
     * Registers a new WebSocket connection.
     *
     * @param secure true when the HTTP side is TLS (Via transport WSS), false for WS
     * @return the sink for the frames the peer sends
     */
    WsFrameSink accept(WsPeer peer, boolean secure);
}
