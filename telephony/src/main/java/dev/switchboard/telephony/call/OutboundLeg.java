package dev.switchboard.telephony.call;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import dev.switchboard.media.MediaSession;
import dev.switchboard.media.SdpException;
import dev.switchboard.sip.SipStack;
import dev.switchboard.sip.auth.DigestClient;
import dev.switchboard.sip.dialog.Dialog;
import dev.switchboard.sip.message.HeaderNames;
import dev.switchboard.sip.message.NameAddress;
import dev.switchboard.sip.message.SipRequest;
import dev.switchboard.sip.message.SipResponse;
import dev.switchboard.sip.message.SipUri;
import dev.switchboard.sip.transaction.ClientTransaction;
import dev.switchboard.sip.transaction.ResponseHandler;
import dev.switchboard.sip.transport.Destination;
import dev.switchboard.telephony.endpoint.SipTarget;

/**
 * A leg we call (we are the UAC): an INVITE with our SDP offer to one target, answering its gateway's 401/407 with
 * the target's credentials. {@link #outcome()} completes with the final status: 2xx (the dialog is confirmed and
 * ACKed), another final response, 408 on timeout, 503 when it cannot be reached, 487 once cancelled.
 */
public final class OutboundLeg extends Leg {
    /** Challenges answered at most per INVITE, so a gateway that keeps challenging does not loop. */
    private static final int MAX_CHALLENGES = 2;

    private final SipTarget target;
    private final CompletableFuture<Integer> outcome = new CompletableFuture<>();
    private final AtomicInteger challenges = new AtomicInteger();
    private final DigestClient digest;
    private volatile Consumer<SipResponse> onProgress = r -> { };
    private volatile ClientTransaction transaction;
    private volatile SipRequest invite;
    private volatile boolean cancelled;

    public OutboundLeg(SipContext sip, MediaSession session, SipTarget target) {
        super(sip, session, SipStack.newCallId(), SipStack.newTag());
        this.target = target;
        this.peer = sip.destination(target.hop());
        this.digest = target.credentials() == null ? null
                : new DigestClient(target.credentials().username(), target.credentials().password());
    }

    public SipTarget target() {
        return target;
    }

    /** Completes with the final status code of the INVITE. */
    public CompletableFuture<Integer> outcome() {
        return outcome;
    }

    /** 1xx responses, on the SIP thread. */
    public void onProgress(Consumer<SipResponse> listener) {
        onProgress = listener;
    }

    /** Sends the INVITE. */
    public void start() {
        SipUri requestUri = SipUri.parse(target.requestUri());
        String fromHost = target.fromHost() != null ? target.fromHost() : sip.stack().config().advertisedHost();
        String number = target.callerId() == null || target.callerId().number() == null ? "anonymous"
                : target.callerId().number();
        String name = target.callerId() == null ? null : target.callerId().name();
        NameAddress from = NameAddress.of(name == null || name.isBlank() ? null : name,
                SipUri.sip(number, fromHost, -1)).withTag(localTag);
        SipRequest.Builder b = SipRequest.builder(SipRequest.INVITE, requestUri)
                .from(from)
                .to(NameAddress.of(requestUri.withoutHeaders()))
                .callId(callId)
                .cseq(1)
                .contact(NameAddress.of(SipUri.parse(contactUri())))
                .header(HeaderNames.ALLOW, "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, UPDATE, REFER, NOTIFY")
                .body("application/sdp", session.offer().getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, String> h : target.headers().entrySet()) {
            if (safeHeader(h.getKey())) {
                b.header(h.getKey(), h.getValue());
            }
        }
        send(b.build());
    }

    /** Headers the engine may add: not those that make the request what it is. */
    private static boolean safeHeader(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "via", "from", "to", "call-id", "cseq", "contact", "content-length", "content-type", "max-forwards",
                 "route", "record-route" -> false;
            default -> !name.isBlank();
        };
    }

    private void send(SipRequest request) {
        invite = request;
        transaction = sip.stack().send(request, peer, new Handler());
        if (cancelled) {
            transaction.cancel();
        }
    }

    /** Stops ringing: CANCEL while unanswered, BYE once answered. */
    public void cancel(String cause) {
        cancelled = true;
        ClientTransaction tx = transaction;
        if (outcome.isDone() && outcome.join() / 100 == 2) {
            bye(cause);
            return;
        }
        if (tx != null) {
            tx.cancel();
        }
        outcome.complete(487);
        end(cause);
    }

    private final class Handler implements ResponseHandler {
        @Override
        public void onProvisional(SipResponse response) {
            if (response.status() == 183 && response.body().length > 0) {
                try {
                    session.acceptAnswer(response.bodyText());
                } catch (SdpException e) {
                    // early media we cannot use is ignored; the 200's answer counts
                }
            }
            onProgress.accept(response);
        }

        @Override
        public void onFinal(SipResponse response) {
            if (response.isSuccess()) {
                confirmed(response);
                return;
            }
            if ((response.status() == 401 || response.status() == 407) && digest != null && !cancelled
                    && challenges.incrementAndGet() <= MAX_CHALLENGES) {
                var retry = digest.authorize(invite, response);
                if (retry.isPresent()) {
                    send(retry.get());
                    return;
                }
            }
            fail(response.status());
        }

        @Override
        public void onTimeout() {
            fail(408);
        }

        @Override
        public void onTransportError(Exception cause) {
            fail(503);
        }
    }

    /** A 2xx (first or retransmitted): ACK it; a late one after we gave up is hung up at once. */
    private synchronized void confirmed(SipResponse ok) {
        if (dialog == null) {
            dialog = Dialog.asUac(invite, ok);
            if (ok.body().length > 0) {
                try {
                    session.acceptAnswer(ok.bodyText());
                } catch (SdpException e) {
                    sip.stack().sendAck(dialog.newAck(invite.cseq().number()), peer);
                    bye("INCOMPATIBLE_DESTINATION");
                    outcome.complete(488);
                    return;
                }
            }
        }
        if (!dialog.matches(ok)) {
            // another fork answered too: take it and hang it up
            Dialog fork = Dialog.asUac(invite, ok);
            sip.stack().sendAck(fork.newAck(invite.cseq().number()), peer);
            sip.stack().send(fork.newRequest(SipRequest.BYE), peer, SipContext.IGNORE);
            return;
        }
        sip.stack().sendAck(dialog.newAck(invite.cseq().number()), peer);
        if (!outcome.complete(ok.status()) && isEnded()) {
            // answered after we cancelled (CANCEL and 200 crossed): hang it up
            Dialog d = dialog;
            sip.stack().send(d.newRequest(SipRequest.BYE), peer, SipContext.IGNORE);
        } else if (cancelled) {
            bye("ORIGINATOR_CANCEL");
        }
    }

    private void fail(int status) {
        outcome.complete(status);
        end(HangupCauses.ofSipStatus(status));
    }

    /** Where the INVITE went, for logs. */
    public Destination destination() {
        return peer;
    }
}
