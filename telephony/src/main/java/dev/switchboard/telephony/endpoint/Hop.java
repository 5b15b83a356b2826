package dev.switchboard.telephony.endpoint;

/**
 * Where a request is sent: the next hop's transport and address, and for connection transports the connection a
 * phone registered over (a phone behind NAT or in a browser is only reachable through it).
 *
 * @param transport "udp", "tcp", "tls", "ws" or "wss"
 * @param flow      the transport's id of the connection to reuse, or null to open one (or for UDP)
 */
public record Hop(String transport, String host, int port, String flow) {
}
