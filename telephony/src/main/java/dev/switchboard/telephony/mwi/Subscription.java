package dev.switchboard.telephony.mwi;

import java.time.Instant;

import dev.switchboard.sip.dialog.Dialog;
import dev.switchboard.sip.transport.Destination;

/**
 * A phone's {@code message-summary} subscription (RFC 6665): the dialog its SUBSCRIBE made, where its NOTIFYs go
 * (where the SUBSCRIBE came from, which reaches a phone behind NAT), what it watches and until when.
 *
 * @param deviceId the subscribing device: it gets no unsolicited NOTIFYs while subscribed
 */
record Subscription(Dialog dialog, Destination destination, String deviceId, Watched watched, Instant expires) {

    Subscription refreshed(Instant until) {
        return new Subscription(dialog, destination, deviceId, watched, until);
    }

    boolean expired(Instant now) {
        return !expires.isAfter(now);
    }
}
