package dev.switchboard.telephony.call;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchboard.media.MediaSession;
import dev.switchboard.media.SdpException;
import dev.switchboard.sip.dialog.Dialog;
import dev.switchboard.sip.message.HeaderNames;
import dev.switchboard.sip.message.SipRequest;
import dev.switchboard.sip.message.SipResponse;
import dev.switchboard.sip.transaction.ServerTransaction;
import dev.switchboard.sip.transport.Destination;

/**
 * One side of a call: a SIP dialog and its media session. Requests of the dialog (BYE, re-INVITE, INFO, UPDATE)
 * reach {@link #onRequest} on the SIP thread; {@link #ended()} completes, with the hangup cause, when the leg is over
 * for whatever reason. Thread-safe.
 */
public abstract sealed class Leg permits InboundLeg, OutboundLeg {
    private static final Logger LOG = LoggerFactory.getLogger(Leg.class);

    protected final SipContext sip;
    protected final MediaSession session;
    protected final String callId;
    protected final String localTag;
    private final CompletableFuture<String> ended = new CompletableFuture<>();
    protected volatile Dialog dialog;
    /** Where requests in the dialog go: the peer's own flow (its NAT mapping or connection). */
    protected volatile Destination peer;
    private volatile Consumer<String> referHandler;

    protected Leg(SipContext sip, MediaSession session, String callId, String localTag) {
        this.sip = sip;
        this.session = session;
        this.callId = callId;
        this.localTag = localTag;
        sip.register(callId, localTag, this);
    }

    public MediaSession session() {
        return session;
    }

    public String callId() {
        return callId;
    }

    /** Completes with the hangup cause when the leg is over. */
    public CompletableFuture<String> ended() {
        return ended;
    }

    public boolean isEnded() {
        return ended.isDone();
    }

    /** Whom a REFER in this dialog asks to be connected to (the Refer-To URI); unset refuses REFER. */
    public void onRefer(Consumer<String> handler) {
        referHandler = handler;
    }

    /** Marks the leg over: closes its media and forgets its dialog. Returns false when it already was. */
    protected boolean end(String cause) {
        if (!ended.complete(cause)) {
            return false;
        }
        session.close();
        sip.unregister(callId, localTag);
        LOG.atDebug().setMessage("leg ended").addKeyValue("call_id", callId).addKeyValue("cause", cause).log();
        return true;
    }

    /** Sends BYE in the confirmed dialog and ends the leg. */
    public void bye(String cause) {
        Dialog d = dialog;
        if (d != null && d.isConfirmed() && !isEnded()) {
            SipRequest bye = d.newRequest(SipRequest.BYE);
            bye.headers().add(HeaderNames.REASON, "Q.850;text=\"" + cause + "\"");
            sip.stack().send(bye, peer, SipContext.IGNORE);
        }
        end(cause);
    }

    /** A request in this leg's dialog. Runs on the SIP thread: does not block. */
    public void onRequest(ServerTransaction tx) {
        SipRequest request = tx.request();
        sip.seen(request);
        Dialog d = dialog;
        if (d != null && !d.acceptRemoteCseq(request)) {
            tx.respond(request.createResponse(500, "CSeq Out Of Order"));
            return;
        }
        switch (request.method()) {
            case SipRequest.BYE -> {
                tx.respond(request.createResponse(200));
                end(byeCause(request));
            }
            case SipRequest.INVITE, SipRequest.UPDATE -> reoffer(tx);
            case SipRequest.INFO -> info(tx);
            case SipRequest.OPTIONS -> tx.respond(request.createResponse(200));
            case SipRequest.REFER -> refer(tx);
            case SipRequest.NOTIFY -> tx.respond(request.createResponse(200));
            default -> tx.respond(request.createResponse(405));
        }
    }

    /** The cause a BYE carries in its Reason header, else NORMAL_CLEARING. */
    private static String byeCause(SipRequest bye) {
        String reason = bye.header(HeaderNames.REASON).orElse("");
        int text = reason.indexOf("text=\"");
        if (reason.startsWith("Q.850") && text >= 0) {
            int close = reason.indexOf('"', text + 6);
            if (close > text) {
                return reason.substring(text + 6, close);
            }
        }
        return "NORMAL_CLEARING";
    }

    /** A re-INVITE or UPDATE: hold, unhold, codec change; answered from the same media session. */
    private void reoffer(ServerTransaction tx) {
        SipRequest request = tx.request();
        Dialog d = dialog;
        try {
            SipResponse ok = request.createResponse(200);
            if (request.body().length > 0) {
                ok.setBody("application/sdp", session.answer(request.bodyText()).getBytes(StandardCharsets.UTF_8));
            } else if (request.isMethod(SipRequest.INVITE)) {
                ok.setBody("application/sdp", session.offer().getBytes(StandardCharsets.UTF_8));
            }
            ok.headers().add(HeaderNames.CONTACT, "<" + contactUri() + ">");
            if (d != null) {
                d.refreshTarget(request);
            }
            tx.respond(ok);
        } catch (SdpException e) {
            tx.respond(request.createResponse(488, "Not Acceptable Here"));
        }
    }

    /** SIP INFO DTMF: {@code application/dtmf-relay} ("Signal=5") or {@code application/dtmf} ("5"). */
    private void info(ServerTransaction tx) {
        SipRequest request = tx.request();
        String type = request.contentType().orElse("");
        String body = request.bodyText().trim();
        Character key = null;
        long durationMs = 160;
        if (type.equals("application/dtmf-relay")) {
            for (String line : body.split("\r?\n")) {
                String[] kv = line.split("=", 2);
                if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("Signal") && !kv[1].isBlank()) {
                    key = kv[1].trim().charAt(0);
                } else if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("Duration")) {
                    try {
                        durationMs = Long.parseLong(kv[1].trim());
                    } catch (NumberFormatException ignored) {
                        // the default length stands
                    }
                }
            }
        } else if (type.equals("application/dtmf") && !body.isEmpty()) {
            key = body.charAt(0);
        }
        if (key != null && "0123456789*#ABCD".indexOf(Character.toUpperCase(key)) >= 0) {
            session.injectDtmf(Character.toUpperCase(key), Duration.ofMillis(durationMs));
            tx.respond(request.createResponse(200));
        } else {
            tx.respond(request.createResponse(type.isEmpty() ? 200 : 415));
        }
    }

    private void refer(ServerTransaction tx) {
        SipRequest request = tx.request();
        Consumer<String> handler = referHandler;
        String target = request.header(HeaderNames.REFER_TO).orElse("");
        if (handler == null || target.isBlank()) {
            tx.respond(request.createResponse(603, "Decline"));
            return;
        }
        tx.respond(request.createResponse(202));
        handler.accept(target);
    }

    /**
     * Checks that the peer still has this dialog (a session keep-alive, as KAZOO's SIP OPTIONS ping): an OPTIONS in
     * the dialog; 481, 408 or no answer at all end the leg, since the peer is gone without a BYE.
     */
    public void keepAlive() {
        Dialog d = dialog;
        if (d == null || !d.isConfirmed() || isEnded()) {
            return;
        }
        sip.stack().send(d.newRequest(SipRequest.OPTIONS), peer, new dev.switchboard.sip.transaction.ResponseHandler() {
            @Override
            public void onFinal(SipResponse response) {
                if (response.status() == 481 || response.status() == 408) {
                    gone();
                }
            }

            @Override
            public void onTimeout() {
                gone();
            }

            @Override
            public void onTransportError(Exception cause) {
                gone();
            }
        });
    }

    private void gone() {
        LOG.atInfo().setMessage("peer no longer has the dialog; leg ended").addKeyValue("call_id", callId).log();
        end("RECOVERY_ON_TIMER_EXPIRE");
    }

    /** Sends a NOTIFY with a sipfrag status in the dialog (RFC 3515 progress of a REFER). */
    public void notifyRefer(int status, String reason) {
        Dialog d = dialog;
        if (d == null || isEnded()) {
            return;
        }
        SipRequest notify = d.newRequest(SipRequest.NOTIFY);
        notify.headers().add(HeaderNames.EVENT, "refer");
        notify.headers().add(HeaderNames.SUBSCRIPTION_STATE, status >= 200 ? "terminated;reason=noresource" : "active");
        notify.headers().add(HeaderNames.CONTACT, "<" + contactUri() + ">");
        notify.setBody("message/sipfrag;version=2.0", ("SIP/2.0 " + status + " " + reason)
                .getBytes(StandardCharsets.UTF_8));
        sip.stack().send(notify, peer, SipContext.IGNORE);
    }

    /** Sends REFER in the dialog asking the peer to call {@code target}. */
    public void refer(String target) {
        Dialog d = dialog;
        if (d == null || isEnded()) {
            return;
        }
        SipRequest refer = d.newRequest(SipRequest.REFER);
        refer.headers().add(HeaderNames.REFER_TO, "<" + target + ">");
        refer.headers().add(HeaderNames.CONTACT, "<" + contactUri() + ">");
        sip.stack().send(refer, peer, SipContext.IGNORE);
    }

    /** Our Contact for this leg's transport. */
    protected String contactUri() {
        Destination p = peer;
        return sip.stack().contactUri("switchboard", p == null ? dev.switchboard.sip.transport.Transport.UDP
                : p.transport()).toString();
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
