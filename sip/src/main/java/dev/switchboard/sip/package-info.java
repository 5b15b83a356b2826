/**
 * SIP (RFC 3261 and friends) on Netty, for the telephony layer to build a registrar and a B2BUA on. It knows nothing
 * of callflows, accounts or documents.
 *
 * <p>Start one {@link dev.switchboard.sip.SipStack} with a {@link dev.switchboard.sip.SipConfig} and a
 * {@link dev.switchboard.sip.SipListener}. Each new request arrives as a
 * {@link dev.switchboard.sip.transaction.ServerTransaction} (answer it with {@code respond}; retransmissions, ACKs of
 * non-2xx, CANCEL against its INVITE and 100 Trying are handled below); 2xx ACKs reach {@code onAck}. Requests are
 * sent with {@code stack.send(request, destination, handler)}, which adds Via and Max-Forwards and runs the client
 * transaction; a {@link dev.switchboard.sip.transport.Destination} comes from {@code Destination.resolve(uri)} (off
 * the event loop: it may resolve a host name), from a registered contact's kept
 * {@link dev.switchboard.sip.transport.Connection} ({@code Destination.of(connection)}), or from a request's
 * {@code source().replyDestination()}. In-dialog requests come from {@link dev.switchboard.sip.dialog.Dialog};
 * digest authentication from {@link dev.switchboard.sip.auth.DigestServer} (phones) and
 * {@link dev.switchboard.sip.auth.DigestClient} (carrier gateways). SIP over WebSocket is fed by the HTTP server
 * through {@link dev.switchboard.sip.transport.WebSocketTransport}.
 *
 * <p>Listener and response-handler callbacks run on the stack's threads (Netty event loops, the timer thread): they
 * must not block. Messages are not thread-safe; transactions and dialogs are.
 */
package dev.switchboard.sip;
