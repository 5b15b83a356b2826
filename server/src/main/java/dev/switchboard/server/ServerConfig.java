package dev.switchboard.server;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import dev.switchboard.sip.auth.DigestAlgorithm;

/**
 * Settings from the environment, each with a default that runs on a fresh machine.
 *
 * @param dataDir        where the SQLite file and the demo credentials live ({@code SWITCHBOARD_DATA}, ./data)
 * @param httpPort       API and UI port ({@code SWITCHBOARD_HTTP_PORT}, 8000)
 * @param jdbcUrl        {@code SWITCHBOARD_DB_URL}; a {@code jdbc:postgresql:} URL for several nodes, else SQLite in
 *                       dataDir
 * @param cdrRetention   how long call detail records are kept ({@code SWITCHBOARD_CDR_RETENTION_DAYS}, 90)
 * @param traceRetention how long call traces are kept ({@code SWITCHBOARD_TRACE_RETENTION_DAYS}, 30)
 * @param sipAddress     the address phones and carriers reach, written into Via, Contact and SDP
 *                       ({@code SWITCHBOARD_SIP_ADDRESS}; the machine's first private IPv4 address, else 127.0.0.1)
 * @param sipPort        UDP and TCP ({@code SWITCHBOARD_SIP_PORT}, 5060; 0 = any free port)
 * @param sipTlsPort     TLS ({@code SWITCHBOARD_SIP_TLS_PORT}, 5061; 0 = any free port, -1 = off)
 * @param rtpPortMin     lowest RTP port ({@code SWITCHBOARD_RTP_PORTS} "min-max", 16384-32767; "0" = any free ports)
 * @param rtpPortMax     highest RTP port
 * @param tlsCertificate PEM certificate chain for SIP over TLS ({@code SWITCHBOARD_SIP_TLS_CERT}); unset generates
 *                       a self-signed one, enough for the demo
 * @param tlsPrivateKey  its PEM PKCS#8 key ({@code SWITCHBOARD_SIP_TLS_KEY})
 * @param digestAlgorithms the digest challenges phones get ({@code SWITCHBOARD_SIP_DIGEST}, "md5"; "md5,sha-256"
 *                       adds SHA-256 for phones that speak it)
 * @param sessionKeepAlive how often answered calls check their peers are still there
 *                       ({@code SWITCHBOARD_SESSION_KEEPALIVE_SECONDS}, 300)
 */
public record ServerConfig(Path dataDir, int httpPort, String jdbcUrl, String dbUser, String dbPassword,
                           Duration cdrRetention, Duration traceRetention, String sipAddress, int sipPort,
                           int sipTlsPort, int rtpPortMin, int rtpPortMax, Path tlsCertificate,
                           Path tlsPrivateKey, List<DigestAlgorithm> digestAlgorithms, Duration sessionKeepAlive) {

    public static ServerConfig fromEnvironment(Map<String, String> env) {
        Path data = Path.of(env.getOrDefault("SWITCHBOARD_DATA", "data"));
        String url = env.getOrDefault("SWITCHBOARD_DB_URL",
                "jdbc:sqlite:" + data.resolve("switchboard.db").toAbsolutePath());
        int[] rtp = portRange(env.getOrDefault("SWITCHBOARD_RTP_PORTS", "16384-32767"));
        return new ServerConfig(data, port(env, "SWITCHBOARD_HTTP_PORT", 8000), url,
                env.get("SWITCHBOARD_DB_USER"), env.get("SWITCHBOARD_DB_PASSWORD"),
                days(env, "SWITCHBOARD_CDR_RETENTION_DAYS", 90), days(env, "SWITCHBOARD_TRACE_RETENTION_DAYS", 30),
                env.getOrDefault("SWITCHBOARD_SIP_ADDRESS", privateAddress()),
                port(env, "SWITCHBOARD_SIP_PORT", 5060), tlsPort(env), rtp[0], rtp[1],
                path(env, "SWITCHBOARD_SIP_TLS_CERT"), path(env, "SWITCHBOARD_SIP_TLS_KEY"),
                algorithms(env.getOrDefault("SWITCHBOARD_SIP_DIGEST", "md5")), seconds(env,
                        "SWITCHBOARD_SESSION_KEEPALIVE_SECONDS", 300));
    }

    private static Duration seconds(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        try {
            int s = value == null ? fallback : Integer.parseInt(value.trim());
            if (s >= 1) {
                return Duration.ofSeconds(s);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " is a whole number of seconds from 1, not \"" + value + "\"");
    }

    private static List<DigestAlgorithm> algorithms(String value) {
        List<DigestAlgorithm> out = new ArrayList<>();
        for (String name : value.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            DigestAlgorithm algorithm = DigestAlgorithm.fromHeader(name.trim()).orElseThrow(() ->
                    new IllegalArgumentException("SWITCHBOARD_SIP_DIGEST lists md5 and sha-256, not \"" + name + "\""));
            if (!out.contains(algorithm)) {
                out.add(algorithm);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("SWITCHBOARD_SIP_DIGEST names no algorithm");
        }
        return out;
    }

    private static Path path(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : Path.of(value);
    }

    private static int tlsPort(Map<String, String> env) {
        return "-1".equals(env.getOrDefault("SWITCHBOARD_SIP_TLS_PORT", "").trim()) ? -1
                : port(env, "SWITCHBOARD_SIP_TLS_PORT", 5061);
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        try {
            int port = value == null ? fallback : Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " is a port from 0 (any free one) to 65535, not \"" + value + "\"");
    }

    private static int[] portRange(String value) {
        String[] parts = value.trim().split("-", 2);
        try {
            int min = Integer.parseInt(parts[0].trim());
            int max = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : min;
            if (min == 0 && max == 0 || min >= 1024 && max <= 65535 && max - min >= 1) {
                return new int[] {min, max};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("SWITCHBOARD_RTP_PORTS is \"min-max\" within 1024-65535, or 0 for any free"
                + " ports, not \"" + value + "\"");
    }

    private static Duration days(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        int days;
        try {
            days = value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is a whole number of days, not \"" + value + "\"");
        }
        if (days < 1) {
            throw new IllegalArgumentException(name + " is at least 1 day, not " + days);
        }
        return Duration.ofDays(days);
    }

    /** The first site-local IPv4 address of an interface that is up, so phones on the LAN can reach us. */
    private static String privateAddress() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && address.isSiteLocalAddress()) {
                        return address.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            // no interfaces to read: loopback below
        }
        return "127.0.0.1";
    }
}
