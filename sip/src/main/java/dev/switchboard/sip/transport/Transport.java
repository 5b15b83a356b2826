package dev.switchboard.sip.transport;

import java.util.Locale;
import java.util.Optional;

/** The transports SIP runs on here, with their Via names and default ports. */
public enum Transport {
    UDP(false, false, 5060),
    TCP(true, false, 5060),
    TLS(true, true, 5061),
    /** SIP over WebSocket (RFC 7118), carried by the HTTP server's WebSocket endpoint. */
    WS(true, false, 80),
    WSS(true, true, 443);

    private final boolean reliable;
    private final boolean secure;
    private final int defaultPort;

    Transport(boolean reliable, boolean secure, int defaultPort) {
        this.reliable = reliable;
        this.secure = secure;
        this.defaultPort = defaultPort;
    }

    /** Reliable transports get no retransmissions (RFC 3261 §17). */
    public boolean reliable() {
        return reliable;
    }

    public boolean secure() {
        return secure;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The name in a Via header and in a {@code transport=} URI parameter (upper case). */
    public String viaName() {
        return name();
    }

    /** Reads a Via transport or a {@code transport=} parameter; empty for SCTP and anything unknown. */
    public static Optional<Transport> fromName(String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "UDP" -> Optional.of(UDP);
            case "TCP" -> Optional.of(TCP);
            case "TLS" -> Optional.of(TLS);
            case "WS" -> Optional.of(WS);
            case "WSS" -> Optional.of(WSS);
            default -> Optional.empty();
        };
    }
}
