package dev.switchboard.core.registration;

import java.time.Instant;
import java.util.Objects;

/**
 * One registered contact of a device (RFC 3261 §10): what the phone asked to be called at, and how it can really be
 * reached.
 *
 * @param contactUri the Contact URI the phone registered; the Request-URI of calls to it
 * @param transport  "udp", "tcp", "tls", "ws" or "wss": how its REGISTER arrived
 * @param host       the address its REGISTER came from (the NAT mapping a phone behind NAT is reached through)
 * @param port       the port its REGISTER came from
 * @param flow       the id of the connection it registered over (TCP, TLS, WebSocket), null for UDP; a connection
 *                   does not survive a restart, the address does
 * @param callId     the Call-ID of its REGISTERs, which identifies the phone across refreshes (§10.3)
 * @param cseq       the CSeq of the REGISTER that last refreshed it, to refuse stale ones
 */
public record Binding(String accountId, String deviceId, String contactUri, String transport, String host, int port,
                      String flow, Instant expires, String callId, long cseq, String userAgent) {

    public Binding {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(contactUri, "contactUri");
        Objects.requireNonNull(expires, "expires");
    }

    public boolean expired(Instant now) {
        return !expires.isAfter(now);
    }
}
