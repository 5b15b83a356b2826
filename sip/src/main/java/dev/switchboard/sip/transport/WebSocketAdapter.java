package dev.switchboard.sip.transport;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/** {@link WebSocketTransport} over the connections the HTTP server hands in; each frame is one message. */
final class WebSocketAdapter implements WebSocketTransport {
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private final TransportLayer layer;

    WebSocketAdapter(TransportLayer layer) {
        this.layer = layer;
    }

    /** One WebSocket peer as a {@link Connection}. */
    static final class WsConnection implements Connection {
        private final String id;
        private final Transport transport;
        private final WsPeer peer;
        private volatile boolean open = true;

        WsConnection(Transport transport, WsPeer peer) {
            this.id = transport.name().toLowerCase(java.util.Locale.ROOT) + "-" + SEQUENCE.incrementAndGet();
            this.transport = transport;
            this.peer = peer;
        }

        WsPeer peer() {
            return peer;
        }

        @Override public String id() { return id; }

        @Override public Transport transport() { return transport; }

        @Override public InetSocketAddress remote() { return peer.remoteAddress(); }

        @Override public InetSocketAddress local() { return peer.localAddress(); }

        @Override public boolean isOpen() { return open; }

        @Override
        public String toString() {
            return id + "(" + remote() + ")";
        }
    }

    @Override
    public WsFrameSink accept(WsPeer peer, boolean secure) {
        WsConnection connection = new WsConnection(secure ? Transport.WSS : Transport.WS, peer);
        layer.register(connection);
        Source source = new Source(connection.transport(), peer.remoteAddress(), peer.localAddress(), connection);
        return new WsFrameSink() {
            @Override
            public void onText(String frame) {
                layer.receive(frame.getBytes(StandardCharsets.UTF_8), source, true);
            }

            @Override
            public void onBinary(byte[] frame) {
                layer.receive(frame, source, true);
            }

            @Override
            public void onClose() {
                connection.open = false;
                layer.unregister(connection);
            }
        };
    }
}
