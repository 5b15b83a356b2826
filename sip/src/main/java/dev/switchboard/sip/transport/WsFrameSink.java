package dev.switchboard.sip.transport;

/** Where the HTTP server pushes what a WebSocket peer sends: each frame is one SIP message (RFC 7118 §5). */
public interface WsFrameSink {
    void onText(String frame);

    void onBinary(byte[] frame);

    /** The peer or the server closed the WebSocket; the connection is forgotten. */
    void onClose();
}
