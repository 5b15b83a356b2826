package dev.switchboard.telephony.endpoint;

import java.time.Instant;

/**
 * One registered contact of a device: what the phone asked to be called at, and how it can really be reached.
 *
 * @param uri       the Contact URI the phone registered
 * @param reachable where its REGISTER came from (source address, transport, connection): requests go there, so a
 *                  phone behind NAT is reached through the mapping it opened
 * @param callId    the Call-ID of its registrations, which identify the phone across refreshes (RFC 3261 10.3)
 */
public record Contact(String accountId, String deviceId, String uri, Hop reachable, Instant expires, String callId,
                      String userAgent) {
}
