package dev.switchboard.telephony.call;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import dev.switchboard.media.MediaSession;
import dev.switchboard.media.SdpException;
import dev.switchboard.sip.SipStack;
import dev.switchboard.sip.dialog.Dialog;
import dev.switchboard.sip.message.HeaderNames;
import dev.switchboard.sip.message.SipRequest;
import dev.switchboard.sip.message.SipResponse;
import dev.switchboard.sip.transaction.ServerTransaction;

/**
 * The caller's side (we are the UAS): answers its INVITE with provisional responses, early media, 200 with our SDP
 * answer, or a final failure. A CANCEL or BYE from the caller ends it. The offer may come in the INVITE, or in the
 * ACK when the INVITE had none (we offer in the 200).
 */
public final class InboundLeg extends Leg {
    private final ServerTransaction invite;
    private final CompletableFuture<Void> acked = new CompletableFuture<>();
    private volatile String localSdp;
    private volatile boolean early;
    private volatile boolean answered;

    public InboundLeg(SipContext sip, MediaSession session, ServerTransaction invite) {
        super(sip, session, invite.request().callId(), SipStack.newTag());
        this.invite = invite;
        this.peer = invite.source() == null ? null : invite.source().replyDestination();
        sip.seen(invite.request());
        invite.onCancel(() -> end("ORIGINATOR_CANCEL"));
        invite.onAckTimeout(() -> bye("RECOVERY_ON_TIMER_EXPIRE"));
    }

    public SipRequest request() {
        return invite.request();
    }

    public boolean answered() {
        return answered;
    }

    public boolean early() {
        return early;
    }

    /** Completes when the ACK for our 200 arrived. */
    public CompletableFuture<Void> acked() {
        return acked;
    }

    /** 180 Ringing, without media. */
    public synchronized void ringing() {
        if (!answered && !isEnded()) {
            invite.respond(response(180));
        }
    }

    /**
     * 183 with our SDP: what the caller hears from now on is sent before answer.
     *
     * @throws SdpException when the caller's offer has nothing we can use
     */
    public synchronized void earlyMedia() throws SdpException {
        if (answered || early || isEnded()) {
            return;
        }
        String sdp = localSdp();
        if (sdp == null) {
            return;
        }
        SipResponse progress = response(183);
        progress.setBody("application/sdp", sdp.getBytes(StandardCharsets.UTF_8));
        invite.respond(progress);
        early = true;
    }

    /** 200 with our SDP; the dialog starts. Returns at once: {@link #acked()} completes with the ACK. */
    public synchronized void answer() throws SdpException {
        if (answered || isEnded()) {
            return;
        }
        String sdp = localSdp != null ? localSdp : hasOffer() ? localSdp() : session.offer();
        localSdp = sdp;
        SipResponse ok = response(200);
        ok.headers().add(HeaderNames.ALLOW, "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, UPDATE, REFER, NOTIFY");
        ok.setBody("application/sdp", sdp.getBytes(StandardCharsets.UTF_8));
        dialog = Dialog.asUas(invite.request(), ok);
        answered = true;
        invite.respond(ok);
    }

    /** A final failure response to the INVITE (not once answered). */
    public synchronized void reject(int status, String reason, String cause) {
        if (!answered && !invite.isAnswered()) {
            SipResponse r = invite.request().createResponse(status, reason, localTag);
            invite.respond(r);
        }
        end(cause);
    }

    /** Ends the call as its state requires: BYE once answered, else a final response. */
    public void hangup(String cause) {
        if (answered) {
            bye(cause);
        } else {
            reject(HangupCauses.sipStatusOf(cause), null, cause);
        }
    }

    /** The ACK of our 200: the dialog is confirmed; a late offer's answer comes in it. */
    public void onAck(SipRequest ack) {
        sip.seen(ack);
        if (ack.body().length > 0 && !hasOffer()) {
            try {
                session.acceptAnswer(ack.bodyText());
            } catch (SdpException e) {
                bye("INCOMPATIBLE_DESTINATION");
                return;
            }
        }
        acked.complete(null);
    }

    private boolean hasOffer() {
        return invite.request().body().length > 0;
    }

    /** Our answer to the caller's offer, made once. */
    private String localSdp() throws SdpException {
        if (localSdp == null && hasOffer()) {
            localSdp = session.answer(invite.request().bodyText());
        }
        return localSdp;
    }

    private SipResponse response(int status) {
        SipResponse r = invite.request().createResponse(status, null, localTag);
        r.headers().add(HeaderNames.CONTACT, "<" + contactUri() + ">");
        return r;
    }
}
