package dev.switchboard.server;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import dev.switchboard.sip.transport.WebSocketTransport;
import dev.switchboard.sip.transport.WsFrameSink;
import dev.switchboard.sip.transport.WsPeer;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;

/**
 * SIP over WebSocket (RFC 7118) on the HTTP port: each WebSocket session (subprotocol {@code sip}, which Javalin
 * echoes back) becomes a connection of the SIP stack's WebSocket transport.
 */
final class SipWebSocket implements Consumer<WsConfig> {
    private final WebSocketTransport transport;
    private final Map<String, WsFrameSink> sinks = new ConcurrentHashMap<>();

    SipWebSocket(WebSocketTransport transport) {
        this.transport = transport;
    }

    @Override
    public void accept(WsConfig ws) {
        ws.onConnect(ctx -> {
            ctx.session.setIdleTimeout(java.time.Duration.ofMinutes(15));
            sinks.put(ctx.sessionId(), transport.accept(new Peer(ctx), false));
        });
        ws.onMessage(ctx -> sink(ctx).onText(ctx.message()));
        ws.onBinaryMessage(ctx -> {
            ByteBuffer data = ctx.data();
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            sink(ctx).onBinary(bytes);
        });
        ws.onClose(ctx -> {
            WsFrameSink sink = sinks.remove(ctx.sessionId());
            if (sink != null) {
                sink.onClose();
            }
        });
    }

    private WsFrameSink sink(WsContext ctx) {
        WsFrameSink sink = sinks.get(ctx.sessionId());
        if (sink == null) {
            throw new IllegalStateException("a frame before the connection was set up");
        }
        return sink;
    }

    /** One browser phone's WebSocket, as the SIP stack sends to it. */
    private record Peer(WsContext ctx) implements WsPeer {
        @Override
        public void send(String frame) {
            synchronized (this) {
                ctx.send(frame);
            }
        }

        @Override
        public void close() {
            ctx.closeSession();
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return address(ctx.session.getRemoteSocketAddress());
        }

        @Override
        public InetSocketAddress localAddress() {
            return address(ctx.session.getLocalSocketAddress());
        }

        private static InetSocketAddress address(SocketAddress a) {
            return a instanceof InetSocketAddress inet ? inet : new InetSocketAddress("0.0.0.0", 0);
        }
    }
}
