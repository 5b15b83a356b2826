package dev.switchboard.sip;

import dev.switchboard.sip.message.SipLimits;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * How the stack listens and behaves. Build with {@link #builder()}; every field has a production default.
 *
 * @param bindAddress          address to listen on (all interfaces by default)
 * @param advertisedHost       host written in our Via and Contact (the bind address, or the first non-loopback
 *                             address when bound to all interfaces); set it to the public address behind NAT
 * @param udpPort              5060; 0 picks a free port; -1 disables UDP
 * @param tcpPort              5060; 0 picks a free port; -1 disables TCP
 * @param tlsPort              5061; 0 picks a free port; -1 disables TLS
 * @param tlsCertificate       PEM certificate chain, or null for a generated self-signed one
 * @param tlsPrivateKey        PEM PKCS#8 private key, or null
 * @param t1                   RTT estimate, 500 ms (RFC 3261 §17.1.1.1)
 * @param t2                   longest retransmit interval for non-INVITE requests and INVITE responses, 4 s
 * @param t4                   longest a message stays in the network, 5 s
 * @param tryingDelay          how long an INVITE waits for the user's response before the stack sends 100 Trying
 * @param limits               parser size bounds
 * @param maxMessagesPerSecond per source IP; more are dropped (0 for no bound)
 * @param maxConnections       open TCP/TLS connections at most; more are refused
 * @param connectionIdleTimeout a TCP/TLS connection without traffic this long is closed
 * @param supportedExtensions  option tags we accept in Require (others get 420) and list in Supported
 * @param allowedMethods       listed in Allow (answers to OPTIONS, 405s)
 * @param inviteBodyTypes      body types an INVITE may carry (others get 415)
 * @param forceRport           answer UDP requests to their source port even without {@code rport} (as Asterisk's
 *                             {@code force_rport}), since phones behind NAT cannot be reached at their sent-by port
 * @param userAgent            our User-Agent and Server header value
 * @param meterRegistry        where metrics go
 */
public record SipConfig(InetAddress bindAddress, String advertisedHost, int udpPort, int tcpPort, int tlsPort,
                        Path tlsCertificate, Path tlsPrivateKey, Duration t1, Duration t2, Duration t4,
                        Duration tryingDelay, SipLimits limits, int maxMessagesPerSecond, int maxConnections,
                        Duration connectionIdleTimeout, Set<String> supportedExtensions, List<String> allowedMethods,
                        Set<String> inviteBodyTypes, boolean forceRport, String userAgent, MeterRegistry meterRegistry) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.bindAddress = bindAddress;
        b.advertisedHost = advertisedHost;
        b.udpPort = udpPort;
        b.tcpPort = tcpPort;
        b.tlsPort = tlsPort;
        b.tlsCertificate = tlsCertificate;
        b.tlsPrivateKey = tlsPrivateKey;
        b.t1 = t1;
        b.t2 = t2;
        b.t4 = t4;
        b.tryingDelay = tryingDelay;
        b.limits = limits;
        b.maxMessagesPerSecond = maxMessagesPerSecond;
        b.maxConnections = maxConnections;
        b.connectionIdleTimeout = connectionIdleTimeout;
        b.supportedExtensions = supportedExtensions;
        b.allowedMethods = allowedMethods;
        b.inviteBodyTypes = inviteBodyTypes;
        b.forceRport = forceRport;
        b.userAgent = userAgent;
        b.meterRegistry = meterRegistry;
        return b;
    }

    /** Collects the settings; {@link #build()} fills in what was left out. */
    public static final class Builder {
        private InetAddress bindAddress;
        private String advertisedHost;
        private int udpPort = 5060;
        private int tcpPort = 5060;
        private int tlsPort = 5061;
        private Path tlsCertificate;
        private Path tlsPrivateKey;
        private Duration t1 = Duration.ofMillis(500);
        private Duration t2 = Duration.ofSeconds(4);
        private Duration t4 = Duration.ofSeconds(5);
        private Duration tryingDelay = Duration.ofMillis(200);
        private SipLimits limits = SipLimits.DEFAULT;
        private int maxMessagesPerSecond = 1000;
        private int maxConnections = 4096;
        private Duration connectionIdleTimeout = Duration.ofMinutes(15);
        private Set<String> supportedExtensions = Set.of("replaces", "100rel", "timer", "path", "norefersub");
        private List<String> allowedMethods = List.of("INVITE", "ACK", "CANCEL", "BYE", "OPTIONS", "INFO", "UPDATE",
                "PRACK", "REFER", "NOTIFY", "REGISTER", "MESSAGE", "SUBSCRIBE");
        private Set<String> inviteBodyTypes = Set.of("application/sdp", "multipart/mixed", "multipart/alternative");
        private boolean forceRport = true;
        private String userAgent = "Switchboard";
        private MeterRegistry meterRegistry;

        public Builder bindAddress(InetAddress v) { bindAddress = v; return this; }
        public Builder advertisedHost(String v) { advertisedHost = v; return this; }
        public Builder udpPort(int v) { udpPort = v; return this; }
        public Builder tcpPort(int v) { tcpPort = v; return this; }
        public Builder tlsPort(int v) { tlsPort = v; return this; }
        public Builder tlsCertificate(Path certificate, Path privateKey) { tlsCertificate = certificate; tlsPrivateKey = privateKey; return this; }
        public Builder timers(Duration t1, Duration t2, Duration t4) { this.t1 = t1; this.t2 = t2; this.t4 = t4; return this; }
        public Builder tryingDelay(Duration v) { tryingDelay = v; return this; }
        public Builder limits(SipLimits v) { limits = v; return this; }
        public Builder maxMessagesPerSecond(int v) { maxMessagesPerSecond = v; return this; }
        public Builder maxConnections(int v) { maxConnections = v; return this; }
        public Builder connectionIdleTimeout(Duration v) { connectionIdleTimeout = v; return this; }
        public Builder supportedExtensions(Set<String> v) { supportedExtensions = Set.copyOf(v); return this; }
        public Builder allowedMethods(List<String> v) { allowedMethods = List.copyOf(v); return this; }
        public Builder inviteBodyTypes(Set<String> v) { inviteBodyTypes = Set.copyOf(v); return this; }
        public Builder forceRport(boolean v) { forceRport = v; return this; }
        public Builder userAgent(String v) { userAgent = v; return this; }
        public Builder meterRegistry(MeterRegistry v) { meterRegistry = v; return this; }

        public SipConfig build() {
            InetAddress bind = bindAddress != null ? bindAddress : wildcard();
            String host = advertisedHost != null ? advertisedHost : Addresses.advertisable(bind);
            return new SipConfig(bind, host, udpPort, tcpPort, tlsPort, tlsCertificate, tlsPrivateKey, t1, t2, t4,
                    tryingDelay, limits, maxMessagesPerSecond, maxConnections, connectionIdleTimeout,
                    supportedExtensions, allowedMethods, inviteBodyTypes, forceRport, userAgent,
                    meterRegistry != null ? meterRegistry : new SimpleMeterRegistry());
        }

        private static InetAddress wildcard() {
            try {
                return InetAddress.getByName("0.0.0.0");
            } catch (java.net.UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
