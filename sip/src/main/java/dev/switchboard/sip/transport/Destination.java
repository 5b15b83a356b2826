package dev.switchboard.sip.transport;

import dev.switchboard.sip.message.SipUri;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * Where to send a message: a transport and an address, and optionally an existing connection to use (a registered
 * contact's flow). With a connection that is open, the message goes on it; otherwise a connection is opened to the
 * address (TCP, TLS) or a datagram is sent (UDP).
 *
 * @param connection may be null
 */
public record Destination(Transport transport, InetSocketAddress address, Connection connection) {

    public Destination {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(address, "address");
    }

    public static Destination of(Transport transport, InetSocketAddress address) {
        return new Destination(transport, address, null);
    }

    /** The flow a message arrived on. */
    public static Destination of(Connection connection) {
        return new Destination(connection.transport(), connection.remote(), connection);
    }

    /**
     * Resolves the next hop for a URI (RFC 3263 without NAPTR/SRV: the JDK resolver's A/AAAA only): {@code maddr}
     * wins over the host; the transport comes from {@code transport=}, else TLS for {@code sips:}, else UDP; the port
     * is the URI's or the transport's default. Blocks on DNS for host names: call it off the Netty event loop.
     *
     * @throws UnknownHostException when the host does not resolve
     * @throws IllegalArgumentException for a URI that is not sip/sips or names a transport we do not speak
     */
    public static Destination resolve(SipUri uri) throws UnknownHostException {
        if (!uri.isSip()) throw new IllegalArgumentException("cannot route to " + uri.scheme() + ": URIs");
        Transport transport = uri.transportParam()
                .map(t -> Transport.fromName(t).orElseThrow(() -> new IllegalArgumentException("unsupported transport " + t)))
                .orElse(uri.isSecure() ? Transport.TLS : Transport.UDP);
        if (uri.isSecure() && !transport.secure()) transport = transport == Transport.WS ? Transport.WSS : Transport.TLS;
        String host = uri.param("maddr").orElse(uri.host());
        int port = uri.port() > 0 ? uri.port() : transport.defaultPort();
        return new Destination(transport, new InetSocketAddress(InetAddress.getByName(host), port), null);
    }

    /**
     * Where a response to a request goes (RFC 3261 §18.2.2, RFC 3581): on the connection it came on while open; else to
     * {@code maddr}, or to the source address ({@code received}) at the {@code rport} or source port when rport was
     * asked for or {@code forceRport}, else at the sent-by port.
     */
    public static Destination forResponse(dev.switchboard.sip.message.Via topVia, Source source, boolean forceRport) {
        Transport transport = source.transport();
        if (source.connection() != null && source.connection().isOpen()) return new Destination(transport, source.remote(), source.connection());
        InetAddress address = source.remote().getAddress();
        if (topVia.maddr().isPresent() && !transport.reliable()) {
            try {
                address = InetAddress.getByName(topVia.maddr().get());
            } catch (UnknownHostException e) {
                // an unresolvable maddr leaves the source address, which reached us, as the best guess
            }
        }
        int port;
        if (transport.reliable()) return new Destination(transport, new InetSocketAddress(address,
                topVia.port() > 0 ? topVia.port() : transport.defaultPort()), null);
        if (topVia.hasRport() || forceRport) port = source.remote().getPort();
        else port = topVia.port() > 0 ? topVia.port() : transport.defaultPort();
        return new Destination(transport, new InetSocketAddress(address, port), source.connection());
    }

    @Override
    public String toString() {
        return transport + ":" + address.getAddress().getHostAddress() + ":" + address.getPort()
                + (connection == null ? "" : "#" + connection.id());
    }
}
