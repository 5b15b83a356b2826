package dev.switchboard.sip.dialog;

import dev.switchboard.sip.message.NameAddress;
import dev.switchboard.sip.message.SipMessage;
import dev.switchboard.sip.message.SipRequest;
import dev.switchboard.sip.message.SipResponse;
import dev.switchboard.sip.message.SipUri;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Dialog state (RFC 3261 §12): identifiers, sequence numbers, route set and remote target, and the requests sent
 * within it. Built by a UAS from a request and its own 2xx/1xx ({@link #asUas}) or by a UAC from its request and the
 * peer's response with a To tag ({@link #asUac}). Thread-safe.
 */
public final class Dialog {
    /** The triple that identifies a dialog from our side. */
    public record Id(String callId, String localTag, String remoteTag) {}

    private final String callId;
    private final String localTag;
    private volatile String remoteTag;
    private final NameAddress localAddress;
    private final NameAddress remoteAddress;
    private final List<NameAddress> routeSet;
    private final boolean secure;
    private volatile SipUri remoteTarget;
    private long localSeq;
    private long remoteSeq;
    private volatile boolean confirmed;

    private Dialog(String callId, String localTag, String remoteTag, NameAddress localAddress,
                   NameAddress remoteAddress, List<NameAddress> routeSet, boolean secure, SipUri remoteTarget,
                   long localSeq, long remoteSeq, boolean confirmed) {
        this.callId = callId;
        this.localTag = localTag;
        this.remoteTag = remoteTag;
        this.localAddress = localAddress;
        this.remoteAddress = remoteAddress;
        this.routeSet = Collections.unmodifiableList(routeSet);
        this.secure = secure;
        this.remoteTarget = remoteTarget;
        this.localSeq = localSeq;
        this.remoteSeq = remoteSeq;
        this.confirmed = confirmed;
    }

    /**
     * The dialog a UAS forms by answering {@code request} with {@code response} (which carries our To tag): route set
     * from the request's Record-Route in order, remote target from its Contact (§12.1.1).
     */
    public static Dialog asUas(SipRequest request, SipResponse response) {
        String localTag = response.to().tag().orElseThrow(() -> new IllegalArgumentException("response without To tag"));
        NameAddress from = request.from();
        SipUri target = request.contacts().stream().findFirst().map(NameAddress::uri)
                .orElseThrow(() -> new IllegalArgumentException("request without Contact"));
        boolean secure = request.requestUri().isSecure();
        return new Dialog(request.callId(), localTag, from.tag().orElse(""), response.to().withoutParam("tag"),
                from.withoutParam("tag"), new ArrayList<>(request.recordRoutes()), secure, target, 0,
                request.cseq().number(), response.isSuccess());
    }

    /**
     * The dialog a UAC forms from its {@code request} and the peer's {@code response} with a To tag: route set from
     * the response's Record-Route in reverse, remote target from its Contact (§12.1.2).
     */
    public static Dialog asUac(SipRequest request, SipResponse response) {
        String remoteTag = response.to().tag().orElseThrow(() -> new IllegalArgumentException("response without To tag"));
        List<NameAddress> routes = new ArrayList<>(response.recordRoutes());
        Collections.reverse(routes);
        SipUri target = response.contacts().stream().findFirst().map(NameAddress::uri).orElse(request.requestUri());
        NameAddress from = request.from();
        return new Dialog(request.callId(), from.tag().orElseThrow(() -> new IllegalArgumentException("request without From tag")),
                remoteTag, from.withoutParam("tag"), request.to().withoutParam("tag"), routes,
                request.requestUri().isSecure(), target, request.cseq().number(), -1, response.isSuccess());
    }

    public Id id() {
        return new Id(callId, localTag, remoteTag);
    }

    public String callId() { return callId; }

    public String localTag() { return localTag; }

    public String remoteTag() { return remoteTag; }

    public NameAddress localAddress() { return localAddress; }

    public NameAddress remoteAddress() { return remoteAddress; }

    public List<NameAddress> routeSet() { return routeSet; }

    public boolean isSecure() { return secure; }

    public SipUri remoteTarget() { return remoteTarget; }

    public synchronized long localSeq() { return localSeq; }

    public synchronized long remoteSeq() { return remoteSeq; }

    /** Whether a 2xx has made it confirmed (early dialogs come from 1xx). */
    public boolean isConfirmed() { return confirmed; }

    /** An early dialog becomes confirmed by the 2xx; the remote target is refreshed from its Contact. */
    public void confirm(SipResponse success) {
        confirmed = true;
        refreshTarget(success);
    }

    /** Takes the remote target from a target-refresh request or its 2xx (re-INVITE, UPDATE: §12.2.1.2, §12.2.2). */
    public void refreshTarget(SipMessage message) {
        message.contacts().stream().findFirst().ifPresent(c -> remoteTarget = c.uri());
    }

    /** Whether a message belongs to this dialog (Call-ID and tags, from either direction). */
    public boolean matches(SipMessage message) {
        if (!callId.equals(message.callId())) return false;
        String fromTag = message.from().tag().orElse("");
        String toTag = message.to().tag().orElse("");
        return message instanceof SipRequest
                ? fromTag.equals(remoteTag) && toTag.equals(localTag)
                : fromTag.equals(localTag) && toTag.equals(remoteTag);
    }

    /**
     * Checks and records the CSeq of a request received in the dialog (§12.2.2): false when it is lower than or equal
     * to the last one (answer 500), except ACK and CANCEL which reuse their INVITE's number.
     */
    public synchronized boolean acceptRemoteCseq(SipRequest request) {
        if (request.isMethod(SipRequest.ACK) || request.isMethod(SipRequest.CANCEL)) return true;
        long n = request.cseq().number();
        if (remoteSeq >= 0 && n <= remoteSeq) return false;
        remoteSeq = n;
        return true;
    }

    /**
     * A request within the dialog (§12.2.1.1): Request-URI and Route from the route set and remote target (strict
     * routing handled), From/To with tags, Call-ID, the next local CSeq. The stack adds Via and Max-Forwards on send.
     * For ACK use {@link #newAck}; for CANCEL use the client transaction's cancel().
     */
    public SipRequest newRequest(String method) {
        if (method.equals(SipRequest.ACK) || method.equals(SipRequest.CANCEL))
            throw new IllegalArgumentException(method + " reuses its INVITE's CSeq: use newAck or cancel()");
        long seq;
        synchronized (this) {
            seq = ++localSeq;
        }
        return build(method, seq);
    }

    /** The ACK for a 2xx to the INVITE with CSeq {@code inviteSeq} (§13.2.2.4). */
    public SipRequest newAck(long inviteSeq) {
        return build(SipRequest.ACK, inviteSeq);
    }

    private SipRequest build(String method, long seq) {
        SipUri requestUri;
        List<NameAddress> routes = new ArrayList<>(routeSet);
        if (!routes.isEmpty() && !routes.getFirst().uri().hasParam("lr")) {
            // strict routing (RFC 2543 next hop): the first route becomes the Request-URI, the target the last route
            requestUri = routes.removeFirst().uri().withoutHeaders();
            routes.add(NameAddress.of(remoteTarget));
        } else {
            requestUri = remoteTarget;
        }
        SipRequest.Builder b = SipRequest.builder(method, requestUri)
                .from(localAddress.withTag(localTag))
                .to(remoteTag == null || remoteTag.isEmpty() ? remoteAddress : remoteAddress.withTag(remoteTag))
                .callId(callId)
                .cseq(seq);
        for (NameAddress r : routes) b.route(r);
        return b.build();
    }

    /**
     * The URI whose host and port are the next hop for in-dialog requests (the first route, else the remote target),
     * for {@code Destination.resolve}.
     */
    public SipUri nextHop() {
        return routeSet.isEmpty() ? remoteTarget : routeSet.getFirst().uri();
    }

    @Override
    public String toString() {
        return "Dialog[" + callId + ", local=" + localTag + ", remote=" + remoteTag + ", seq=" + localSeq + "/" + remoteSeq + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dialog d && id().equals(d.id());
    }

    @Override
    public int hashCode() {
        return Objects.hash(callId, localTag);
    }
}
