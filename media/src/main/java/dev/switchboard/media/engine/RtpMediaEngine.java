package dev.switchboard.media.engine;

import dev.switchboard.media.AudioContext;
import dev.switchboard.media.MediaConfig;
import dev.switchboard.media.MediaEngine;
import dev.switchboard.media.MediaSession;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollMode;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media engine: RTP on Netty datagram channels (epoll when the platform has it, NIO otherwise), one media clock,
 * and a virtual-thread executor for whatever may block (opening sources, completing futures, writing recordings).
 */
public final class RtpMediaEngine implements MediaEngine {
    private static final Logger log = LoggerFactory.getLogger(RtpMediaEngine.class);
    private static final int EVENT_LOOP_THREADS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

    private final MediaConfig config;
    private final AudioContext audioContext;
    private final MediaMetrics metrics;
    private final EventLoopGroup group;
    private final Class<? extends DatagramChannel> channelType;
    private final PortAllocator ports;
    private final Set<RtpSession> sessions = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Object bridgeLock = new Object();
    private final MediaClock clock;
    private volatile boolean closed;

    private RtpMediaEngine(MediaConfig config) {
        this.config = config;
        try {
            Files.createDirectories(config.cacheDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the media cache directory " + config.cacheDirectory(), e);
        }
        this.audioContext = new AudioContext(config.tts(), config.promptResolver(), config.cacheDirectory(),
                config.defaultLanguage(), config.maxUrlBytes());
        this.metrics = new MediaMetrics(config.meterRegistry(), sessions::size);
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.group = new MultiThreadIoEventLoopGroup(EVENT_LOOP_THREADS,
                Thread.ofPlatform().name("media-io-", 0).daemon().factory(), io);
        this.channelType = epoll ? EpollDatagramChannel.class : NioDatagramChannel.class;
        this.ports = new PortAllocator(config.rtpPortMin(), config.rtpPortMax());
        this.clock = new MediaClock(sessions, metrics);
    }

    public static MediaEngine start(MediaConfig config) {
        RtpMediaEngine engine = new RtpMediaEngine(config);
        engine.clock.start();
        log.atInfo().addKeyValue("transport", engine.channelType.getSimpleName())
                .addKeyValue("ports", config.rtpPortMin() + "-" + config.rtpPortMax())
                .addKeyValue("tts", config.tts().name()).log("media engine started");
        return engine;
    }

    @Override
    public MediaSession newSession(String callId) {
        if (closed) {
            throw new IllegalStateException("the media engine is closed");
        }
        RtpSession session = new RtpSession(this, callId);
        Channel[] bound = new Channel[2];
        int port = ports.allocate(p -> bindPair(session, p, bound));
        session.attach(port, bound[0], bound[1]);
        sessions.add(session);
        return session;
    }

    private boolean bindPair(RtpSession session, int port, Channel[] bound) {
        // both sockets of a session on one loop, and sessions spread over the loops (a plain round robin over
        // channels would put every RTP socket on one loop and every RTCP socket on the other)
        EventLoop loop = group.next();
        Channel rtp = bind(loop, port, new RtpHandler(session, false));
        if (rtp == null) {
            return false;
        }
        Channel rtcp = bind(loop, port + 1, new RtpHandler(session, true));
        if (rtcp == null) {
            rtp.close();
            return false;
        }
        bound[0] = rtp;
        bound[1] = rtcp;
        return true;
    }

    private Channel bind(EventLoop loop, int port, RtpHandler handler) {
        Bootstrap bootstrap = new Bootstrap().group(loop).channel(channelType)
                .option(ChannelOption.SO_RCVBUF, 64 * 1024)
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(2048))
                .handler(handler);
        if (channelType == EpollDatagramChannel.class) {
            // level-triggered: one recvmsg per packet, not a second one to reach EAGAIN as edge-triggered needs
            bootstrap.option(EpollChannelOption.EPOLL_MODE, EpollMode.LEVEL_TRIGGERED);
        }
        ChannelFuture future = bootstrap.bind(new InetSocketAddress(config.bindAddress(), port))
                .awaitUninterruptibly();
        return future.isSuccess() ? future.channel() : null;
    }

    void release(RtpSession session, int port, List<Channel> channels) {
        sessions.remove(session);
        List<ChannelFuture> closing = new ArrayList<>();
        for (Channel channel : channels) {
            if (channel != null) {
                closing.add(channel.close());
            }
        }
        if (closing.isEmpty()) {
            ports.release(port);
            return;
        }
        // the port goes back to the pool once the sockets are really closed
        closing.getLast().addListener(f -> ports.release(port));
    }

    @Override
    public int activeSessions() {
        return sessions.size();
    }

    @Override
    public MediaConfig config() {
        return config;
    }

    @Override
    public AudioContext audioContext() {
        return audioContext;
    }

    MediaMetrics metrics() {
        return metrics;
    }

    ExecutorService executor() {
        return executor;
    }

    Object bridgeLock() {
        return bridgeLock;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (RtpSession session : List.copyOf(sessions)) {
            session.close();
        }
        clock.stop();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Copies each datagram off the socket buffer and hands it to the session, on the event loop. */
    private static final class RtpHandler extends SimpleChannelInboundHandler<DatagramPacket> {
        private final RtpSession session;
        private final boolean rtcp;

        RtpHandler(RtpSession session, boolean rtcp) {
            this.session = session;
            this.rtcp = rtcp;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            int length = packet.content().readableBytes();
            if (length == 0 || length > 2048) {
                return;
            }
            byte[] bytes = new byte[length];
            packet.content().getBytes(packet.content().readerIndex(), bytes);
            if (rtcp) {
                session.onRtcp(bytes, length, packet.sender());
            } else {
                session.onRtp(bytes, length, packet.sender());
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            log.atDebug().addKeyValue("call_id", session.callId()).setCause(cause).log("RTP socket error");
        }
    }
}
