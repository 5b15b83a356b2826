package dev.switchboard.sip.transaction;

import dev.switchboard.sip.message.SipRequest;
import dev.switchboard.sip.message.SipResponse;
import dev.switchboard.sip.transport.Source;

/**
 * A request received and the transaction that answers it (RFC 3261 §17.2). Responses go back along the Via per
 * §18.2.2 (to {@code received}/{@code rport}, on the same connection for TCP, TLS and WebSocket), and are
 * retransmitted by the stack as the transaction requires: a final non-2xx to an INVITE until its ACK (timers G/H), a
 * 2xx to an INVITE until the ACK reaches the listener (RFC 6026; T1 doubling up to T2, for 64*T1), a final response to
 * a non-INVITE on each retransmitted request. A 100 Trying is sent for an INVITE after 200 ms without a response.
 * Methods are thread-safe.
 */
public interface ServerTransaction {
    SipRequest request();

    Source source();

    /** A branch-derived key, unique per transaction. */
    String id();

    /**
     * Sends a response. Provisional responses may repeat; after a final response, later responses are ignored
     * (returns false), except further 2xx to an INVITE which RFC 6026 allows.
     */
    boolean respond(SipResponse response);

    /**
     * Runs {@code action} when a CANCEL matching this INVITE arrives before a final response. The stack has then
     * already answered the CANCEL with 200 and this INVITE with 487. Runs at once if it has already happened.
     */
    void onCancel(Runnable action);

    /**
     * Runs {@code action} when a 2xx to this INVITE got no ACK within 64*T1 (RFC 3261 §13.3.1.4: the dialog is
     * confirmed, but the session should be ended with a BYE). Runs on a stack thread.
     */
    void onAckTimeout(Runnable action);

    /** Whether a final response has been sent. */
    boolean isAnswered();

    /** Whether a matching CANCEL arrived before the final response. */
    boolean isCancelled();
}
