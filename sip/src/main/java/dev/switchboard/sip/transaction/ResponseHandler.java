package dev.switchboard.sip.transaction;

import dev.switchboard.sip.message.SipResponse;

/**
 * What a client transaction tells its user. Called on a stack thread: do not block in it. For an INVITE, each 2xx
 * (including retransmissions and 2xx from other forks) reaches {@link #onFinal}, since the ACK is the user's to send
 * ({@code SipStack.sendAck}); other final responses reach it once, the stack having sent their ACK.
 */
public interface ResponseHandler {
    default void onProvisional(SipResponse response) {}

    void onFinal(SipResponse response);

    /** Timer B or F fired: no final response in 64*T1. */
    void onTimeout();

    /** The message could not be sent (connection refused or closed, unresolvable, ICMP unreachable). */
    void onTransportError(Exception cause);
}
