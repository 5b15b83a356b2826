package dev.switchboard.sip.transport;

import io.netty.channel.Channel;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;

/** A TCP or TLS connection on a Netty channel. */
final class ChannelConnection implements Connection {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final String id;
    private final Transport transport;
    private final Channel channel;
    private final InetSocketAddress remote;
    private final InetSocketAddress local;

    ChannelConnection(Transport transport, Channel channel, InetSocketAddress remote, InetSocketAddress local) {
        this.id = transport.name().toLowerCase(java.util.Locale.ROOT) + "-" + SEQUENCE.incrementAndGet();
        this.transport = transport;
        this.channel = channel;
        this.remote = remote;
        this.local = local;
    }

    Channel channel() {
        return channel;
    }

    @Override public String id() { return id; }

    @Override public Transport transport() { return transport; }

    @Override public InetSocketAddress remote() { return remote; }

    @Override public InetSocketAddress local() { return local; }

    @Override public boolean isOpen() { return channel.isActive(); }

    @Override
    public String toString() {
        return id + "(" + remote + ")";
    }
}
