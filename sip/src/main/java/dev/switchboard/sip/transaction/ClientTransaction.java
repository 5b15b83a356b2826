package dev.switchboard.sip.transaction;

import dev.switchboard.sip.message.SipRequest;
import dev.switchboard.sip.transport.Destination;

/** A request we sent and the transaction waiting for its responses (RFC 3261 §17.1). Thread-safe. */
public interface ClientTransaction {
    /** The request as sent, with the Via the stack added. */
    SipRequest request();

    Destination destination();

    /** The top Via branch. */
    String branch();

    /**
     * Cancels an INVITE (RFC 3261 §9.1): sends a CANCEL once a provisional response has arrived, or as soon as one
     * does; does nothing once a final response has arrived. The INVITE's final response (normally 487) still reaches
     * the handler. If no provisional response ever arrives, timer B ends the INVITE with {@code onTimeout}.
     */
    void cancel();

    /** Whether a final response (or timeout, or transport error) has ended it. */
    boolean isCompleted();
}
