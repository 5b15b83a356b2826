package dev.switchboard.sip.transport;

import dev.switchboard.sip.SipConfig;
import dev.switchboard.sip.SipMetrics;
import dev.switchboard.sip.message.SipMessage;
import dev.switchboard.sip.message.SipParseException;
import dev.switchboard.sip.message.SipParser;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The transports on Netty: UDP, TCP and TLS listeners, outgoing connections, the WebSocket adapter, connection reuse
 * and bounds (connections, idle time, messages per second per source). Parses what arrives and hands it up with its
 * {@link Source}; never lets an exception escape a Netty handler. Used by {@code SipStack}; not for direct use.
 */
public final class TransportLayer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TransportLayer.class);

    private final SipConfig config;
    private final SipParser parser;
    private final Inbound inbound;
    private final SipMetrics metrics;
    private final SourceRateLimiter rateLimiter;
    private final EventLoopGroup group;
    private final boolean epoll;
    private final Map<Transport, Channel> listeners = new EnumMap<>(Transport.class);
    /** Open connections by transport and remote address, for reuse (RFC 3261 §18.1.1, §18.2.2). */
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final AtomicInteger streamConnections = new AtomicInteger();
    private final WebSocketAdapter webSocket;
    private SslContext tlsServer;
    private SslContext tlsClient;

    public TransportLayer(SipConfig config, SipParser parser, Inbound inbound, SipMetrics metrics) {
        this.config = config;
        this.parser = parser;
        this.inbound = inbound;
        this.metrics = metrics;
        this.rateLimiter = new SourceRateLimiter(config.maxMessagesPerSecond());
        this.epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.group = new MultiThreadIoEventLoopGroup(0, Thread.ofPlatform().name("sip-io-", 0).daemon().factory(), io);
        this.webSocket = new WebSocketAdapter(this);
        metrics.gauge("sip.connections", () -> connections.size());
    }

    /** Binds the enabled transports. */
    public void start() throws IOException {
        try {
            if (config.udpPort() >= 0) bindUdp();
            if (config.tcpPort() >= 0) bindStream(Transport.TCP, config.tcpPort());
            if (config.tlsPort() >= 0) {
                tlsServer = TlsMaterial.server(config.tlsCertificate(), config.tlsPrivateKey(), config.advertisedHost());
                bindStream(Transport.TLS, config.tlsPort());
            }
            tlsClient = TlsMaterial.client();
        } catch (IOException | RuntimeException e) {
            close();
            throw e instanceof IOException io ? io : new IOException("cannot start SIP transports: " + e.getMessage(), e);
        }
    }

    private void bindUdp() throws IOException {
        Bootstrap b = new Bootstrap().group(group)
                .channel(epoll ? EpollDatagramChannel.class : NioDatagramChannel.class)
                .option(ChannelOption.SO_RCVBUF, 4 * 1024 * 1024)
                .option(ChannelOption.SO_SNDBUF, 4 * 1024 * 1024)
                .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(65536))
                .handler(new ChannelInitializer<DatagramChannel>() {
                    @Override
                    protected void initChannel(DatagramChannel ch) {
                        ch.pipeline().addLast(new DatagramHandler());
                    }
                });
        listeners.put(Transport.UDP, await(b.bind(new InetSocketAddress(config.bindAddress(), config.udpPort())), "UDP"));
    }

    private void bindStream(Transport transport, int port) throws IOException {
        Class<? extends ServerChannel> type = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        ServerBootstrap b = new ServerBootstrap().group(group).channel(type)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .handler(new ConnectionBound(transport))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        initStream(ch, transport, false, null);
                    }
                });
        listeners.put(transport, await(b.bind(new InetSocketAddress(config.bindAddress(), port)), transport.name()));
    }

    private void initStream(SocketChannel ch, Transport transport, boolean client, InetSocketAddress peer) {
        if (transport == Transport.TLS) {
            ch.pipeline().addLast(client
                    ? tlsClient.newHandler(ch.alloc(), peer.getHostString(), peer.getPort())
                    : tlsServer.newHandler(ch.alloc()));
        }
        long idle = config.connectionIdleTimeout().toMillis();
        ch.pipeline().addLast(new IdleStateHandler(0, 0, idle, TimeUnit.MILLISECONDS));
        ch.pipeline().addLast(new StreamFrameDecoder(parser));
        ch.pipeline().addLast(new StreamHandler(transport));
    }

    private static Channel await(ChannelFuture f, String what) throws IOException {
        f.awaitUninterruptibly();
        if (!f.isSuccess()) throw new IOException("cannot bind SIP " + what + ": " + f.cause().getMessage(), f.cause());
        return f.channel();
    }

    /** The bound address of a transport, or null when it is disabled. */
    public InetSocketAddress localAddress(Transport transport) {
        Channel c = listeners.get(transport);
        return c == null ? null : (InetSocketAddress) c.localAddress();
    }

    public WebSocketTransport webSocket() {
        return webSocket;
    }

    /**
     * Sends bytes: on the destination's connection when open, else on an open connection to the same address, else
     * on a new one (TCP, TLS) or as a datagram (UDP). Completes exceptionally on failure; never blocks.
     */
    public CompletableFuture<Void> send(Destination destination, byte[] bytes) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            Connection connection = destination.connection();
            if (connection == null || !connection.isOpen()) connection = connections.get(key(destination.transport(), destination.address()));
            if (connection != null && connection.isOpen()) {
                write(connection, bytes, done);
                return done;
            }
            switch (destination.transport()) {
                case UDP -> {
                    Channel udp = listeners.get(Transport.UDP);
                    if (udp == null) throw new IOException("UDP is disabled");
                    udp.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(bytes), destination.address()))
                            .addListener(f -> complete(done, f.isSuccess(), f.cause()));
                }
                case TCP, TLS -> connect(destination).whenComplete((c, error) -> {
                    if (error != null) done.completeExceptionally(error);
                    else write(c, bytes, done);
                });
                case WS, WSS -> throw new IOException("no open WebSocket connection to " + destination.address());
            }
        } catch (IOException | RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    private void write(Connection connection, byte[] bytes, CompletableFuture<Void> done) {
        if (connection instanceof ChannelConnection cc) {
            cc.channel().writeAndFlush(Unpooled.wrappedBuffer(bytes)).addListener(f -> complete(done, f.isSuccess(), f.cause()));
        } else if (connection instanceof WebSocketAdapter.WsConnection ws) {
            try {
                ws.peer().send(new String(bytes, StandardCharsets.UTF_8));
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        } else {
            done.completeExceptionally(new IOException("unknown connection " + connection));
        }
    }

    private static void complete(CompletableFuture<Void> done, boolean success, Throwable cause) {
        if (success) done.complete(null);
        else done.completeExceptionally(cause == null ? new IOException("send failed") : cause);
    }

    private CompletableFuture<Connection> connect(Destination destination) {
        CompletableFuture<Connection> result = new CompletableFuture<>();
        if (streamConnections.get() >= config.maxConnections()) {
            result.completeExceptionally(new IOException("connection limit reached"));
            return result;
        }
        Transport transport = destination.transport();
        streamConnections.incrementAndGet();
        Bootstrap b = new Bootstrap().group(group)
                .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1000, config.t1().toMillis() * 64))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        initStream(ch, transport, true, destination.address());
                    }
                });
        ChannelFuture connecting = b.connect(destination.address());
        connecting.channel().closeFuture().addListener(f -> streamConnections.decrementAndGet());
        connecting.addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                result.completeExceptionally(f.cause());
                return;
            }
            // the connect promise completes before channelActive runs: read the connection after it, on the loop
            f.channel().eventLoop().execute(() -> {
                Connection c = f.channel().attr(StreamHandler.CONNECTION).get();
                if (c == null || !c.isOpen()) result.completeExceptionally(new IOException("connection to " + destination.address() + " closed at once"));
                else result.complete(c);
            });
        });
        return result;
    }

    static String key(Transport transport, InetSocketAddress address) {
        return transport.name() + "|" + address.getAddress().getHostAddress() + "|" + address.getPort();
    }

    void register(Connection c) {
        connections.put(key(c.transport(), c.remote()), c);
    }

    void unregister(Connection c) {
        connections.remove(key(c.transport(), c.remote()), c);
    }

    /** Parses one message and hands it up; used by every transport. Never throws. */
    void receive(byte[] bytes, Source source, boolean datagram) {
        if (!rateLimiter.allow(source.remote().getAddress())) {
            metrics.dropped("rate");
            return;
        }
        if (isKeepAlive(bytes)) return;
        try {
            SipMessage m = parser.parse(bytes, 0, bytes.length, datagram);
            m.setSource(source);
            metrics.received(m);
            inbound.onMessage(m);
        } catch (SipParseException e) {
            metrics.parseError();
            inbound.onParseError(e, source);
        } catch (RuntimeException e) {
            metrics.dropped("error");
            LOG.error("SIP message from {} failed in processing", source.remote(), e);
        }
    }

    private static boolean isKeepAlive(byte[] bytes) {
        for (byte b : bytes) if (b != '\r' && b != '\n' && b != 0 && b != ' ') return false;
        return true;
    }

    @Override
    public void close() {
        for (Channel c : listeners.values()) c.close().awaitUninterruptibly();
        listeners.clear();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    /**
     * Counts accepted connections on the listener's own loop, where they arrive one by one, and refuses those beyond
     * {@code maxConnections} before they are even registered.
     */
    private final class ConnectionBound extends ChannelInboundHandlerAdapter {
        private final Transport transport;

        ConnectionBound(Transport transport) {
            this.transport = transport;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            Channel child = (Channel) msg;
            if (streamConnections.incrementAndGet() > config.maxConnections()) {
                streamConnections.decrementAndGet();
                metrics.dropped("connection-limit");
                LOG.warn("refusing a {} connection from {}: {} open", transport, child.remoteAddress(), config.maxConnections());
                child.unsafe().closeForcibly();
                return;
            }
            child.closeFuture().addListener(f -> streamConnections.decrementAndGet());
            ctx.fireChannelRead(msg);
        }
    }

    private final class DatagramHandler extends SimpleChannelInboundHandler<DatagramPacket> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            byte[] bytes = ByteBufUtil.getBytes(packet.content());
            Source source = new Source(Transport.UDP, packet.sender(), (InetSocketAddress) ctx.channel().localAddress(), null);
            receive(bytes, source, true);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // ICMP port unreachable and the like surface here; the datagram socket stays usable
            LOG.debug("UDP error: {}", cause.toString());
        }
    }

    private final class StreamHandler extends ChannelInboundHandlerAdapter {
        static final io.netty.util.AttributeKey<Connection> CONNECTION = io.netty.util.AttributeKey.valueOf("sip-connection");
        private final Transport transport;
        private ChannelConnection connection;

        StreamHandler(Transport transport) {
            this.transport = transport;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            connection = new ChannelConnection(transport, ctx.channel(), (InetSocketAddress) ctx.channel().remoteAddress(),
                    (InetSocketAddress) ctx.channel().localAddress());
            ctx.channel().attr(CONNECTION).set(connection);
            register(connection);
            ctx.fireChannelActive();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (connection != null) unregister(connection);
            ctx.fireChannelInactive();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            Source source = new Source(transport, connection.remote(), connection.local(), connection);
            if (msg instanceof byte[] bytes) {
                receive(bytes, source, false);
            } else if (msg instanceof StreamFrameDecoder.Unframeable u) {
                metrics.parseError();
                inbound.onParseError(u.error(), source);
                // after the answer (written above on this loop), since the next message's start is lost
                ctx.channel().eventLoop().execute(ctx::close);
            } else if (msg instanceof ByteBuf buf) {
                buf.release();
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof IdleStateEvent) {
                LOG.debug("closing idle {} connection {}", transport, connection);
                ctx.close();
            } else {
                ctx.fireUserEventTriggered(event);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("{} connection {} failed: {}", transport, connection, cause.toString());
            ctx.close();
        }
    }
}
