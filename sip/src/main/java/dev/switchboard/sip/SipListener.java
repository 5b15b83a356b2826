package dev.switchboard.sip;

import dev.switchboard.sip.message.SipRequest;
import dev.switchboard.sip.message.SipResponse;
import dev.switchboard.sip.transaction.ServerTransaction;

/**
 * The transaction user: what the stack hands up. Called on Netty event-loop threads: return quickly and move
 * blocking work (store, DNS, callflows) to another thread; the transaction objects are thread-safe.
 */
public interface SipListener {
    /**
     * A new request (not ACK, not a CANCEL matching a transaction: the stack handles those). Requests the stack
     * refuses before this point: malformed (400), unsupported URI scheme (416), unknown Require (420), INVITE with an
     * unsupported body type (415) or an Accept without SDP (406), and OPTIONS outside a dialog unless
     * {@link #handlesOptions()}.
     */
    void onRequest(ServerTransaction transaction);

    /** An ACK for a 2xx (its own transaction, RFC 3261 §17.1.1.1), with its source set. */
    default void onAck(SipRequest ack) {}

    /** A response matching no client transaction, such as a retransmitted 2xx to an INVITE after its ACK. */
    default void onStrayResponse(SipResponse response) {}

    /** Whether out-of-dialog OPTIONS reach {@link #onRequest}; otherwise the stack answers 200 with Allow. */
    default boolean handlesOptions() {
        return false;
    }
}
