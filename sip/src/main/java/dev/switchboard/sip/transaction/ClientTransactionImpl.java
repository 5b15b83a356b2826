package dev.switchboard.sip.transaction;

import dev.switchboard.sip.message.CSeq;
import dev.switchboard.sip.message.HeaderNames;
import dev.switchboard.sip.message.Headers;
import dev.switchboard.sip.message.SipRequest;
import dev.switchboard.sip.message.SipResponse;
import dev.switchboard.sip.transport.Destination;

import java.util.concurrent.ScheduledFuture;

/** INVITE and non-INVITE client transactions (RFC 3261 §17.1, RFC 6026 Accepted state, §9.1 CANCEL). */
final class ClientTransactionImpl implements ClientTransaction {
    private enum State { CALLING, PROCEEDING, ACCEPTED, COMPLETED, TERMINATED }

    final String key;
    private final String branch;
    private final TransactionLayer layer;
    private final SipRequest request;
    private final Destination destination;
    private final ResponseHandler handler;
    private final boolean invite;
    private final boolean unreliable;
    private final byte[] bytes;
    private State state = State.CALLING;
    private ScheduledFuture<?> retransmit;
    private ScheduledFuture<?> timeout;
    private long interval;
    private boolean cancelRequested;
    private boolean cancelSent;
    private byte[] ack;

    ClientTransactionImpl(TransactionLayer layer, String key, String branch, SipRequest request, Destination destination,
                          ResponseHandler handler) {
        this.layer = layer;
        this.key = key;
        this.branch = branch;
        this.request = request;
        this.destination = destination;
        this.handler = handler;
        this.invite = request.isMethod(SipRequest.INVITE);
        this.unreliable = !destination.transport().reliable();
        this.bytes = request.toBytes();
    }

    @Override public SipRequest request() { return request; }

    @Override public Destination destination() { return destination; }

    @Override public String branch() { return branch; }

    @Override
    public synchronized boolean isCompleted() {
        return state != State.CALLING && state != State.PROCEEDING;
    }

    /** Sends the request and arms timers A/B (INVITE) or E/F. */
    void start() {
        synchronized (this) {
            if (unreliable) {
                interval = layer.timers.t1;
                retransmit = layer.timers.schedule(interval, this::retransmit);
            }
            timeout = layer.timers.schedule(layer.timers.timeout(), this::timedOut);
        }
        layer.metrics.sent(request);
        layer.transport.send(destination, bytes).whenComplete((v, e) -> {
            if (e != null) transportError(e instanceof Exception ex ? ex : new Exception(e));
        });
    }

    /** Timer A (doubling without bound) or E (doubling up to T2; T2 once a provisional arrived). */
    private void retransmit() {
        synchronized (this) {
            if (state != State.CALLING && !(state == State.PROCEEDING && !invite)) return;
            interval = invite ? interval * 2 : (state == State.PROCEEDING ? layer.timers.t2 : Math.min(interval * 2, layer.timers.t2));
            retransmit = layer.timers.schedule(interval, this::retransmit);
        }
        layer.metrics.retransmission();
        layer.transport.send(destination, bytes);
    }

    /** Timer B or F; or, after a CANCEL, no final response to the INVITE in 64*T1 (§9.1). */
    private void timedOut() {
        synchronized (this) {
            if (state != State.CALLING && state != State.PROCEEDING) return;
            if (invite && state == State.PROCEEDING && !cancelSent) return;
            state = State.TERMINATED;
            Timers.cancel(retransmit);
        }
        layer.forget(this);
        TransactionLayer.call(handler::onTimeout);
    }

    private void transportError(Exception e) {
        synchronized (this) {
            if (state == State.TERMINATED || state == State.COMPLETED || state == State.ACCEPTED) return;
            state = State.TERMINATED;
            Timers.cancel(retransmit);
            Timers.cancel(timeout);
        }
        layer.forget(this);
        TransactionLayer.call(handler::onTransportError, e);
    }

    void received(SipResponse response) {
        if (response.isProvisional()) provisional(response);
        else if (invite && response.isSuccess()) inviteSuccess(response);
        else finalResponse(response);
    }

    private void provisional(SipResponse response) {
        boolean sendCancel;
        synchronized (this) {
            if (state != State.CALLING && state != State.PROCEEDING) return;
            if (invite) {
                Timers.cancel(retransmit);
                if (state == State.CALLING) Timers.cancel(timeout);
            } else if (state == State.CALLING) {
                Timers.cancel(retransmit);
                if (unreliable) retransmit = layer.timers.schedule(layer.timers.t2, this::retransmit);
            }
            state = State.PROCEEDING;
            sendCancel = invite && cancelRequested && !cancelSent;
            if (sendCancel) cancelSent = true;
        }
        TransactionLayer.call(handler::onProvisional, response);
        if (sendCancel) sendCancel();
    }

    private void inviteSuccess(SipResponse response) {
        synchronized (this) {
            if (state == State.COMPLETED || state == State.TERMINATED) return;
            if (state != State.ACCEPTED) {
                state = State.ACCEPTED;
                Timers.cancel(retransmit);
                Timers.cancel(timeout);
                // timer M: keep matching retransmitted 2xx (and other forks' 2xx) for 64*T1
                timeout = layer.timers.schedule(layer.timers.timeout(), this::terminate);
            }
        }
        TransactionLayer.call(handler::onFinal, response);
    }

    private void finalResponse(SipResponse response) {
        byte[] ackBytes;
        boolean first;
        synchronized (this) {
            if (state == State.COMPLETED) {
                first = false;
            } else if (state == State.CALLING || state == State.PROCEEDING) {
                first = true;
                state = State.COMPLETED;
                Timers.cancel(retransmit);
                Timers.cancel(timeout);
                if (invite) ack = ackFor(response).toBytes();
                // timer D (64*T1 = 32 s with the default T1 on UDP) or timer K (T4); none on reliable transports
                long linger = unreliable ? (invite ? layer.timers.timeout() : layer.timers.t4) : 0;
                timeout = layer.timers.schedule(linger, this::terminate);
            } else {
                return;
            }
            ackBytes = ack;
        }
        if (ackBytes != null) {
            if (!first) layer.metrics.retransmission();
            layer.transport.send(destination, ackBytes);
        }
        if (first) TransactionLayer.call(handler::onFinal, response);
    }

    /** The ACK for a non-2xx final response (§17.1.1.3): same branch, Request-URI, Call-ID, From and Route; To from the response. */
    private SipRequest ackFor(SipResponse response) {
        Headers h = new Headers();
        h.add(HeaderNames.VIA, request.headers().first(HeaderNames.VIA).orElseThrow());
        h.add(HeaderNames.MAX_FORWARDS, "70");
        h.add(HeaderNames.FROM, request.headers().first(HeaderNames.FROM).orElseThrow());
        h.add(HeaderNames.TO, response.headers().first(HeaderNames.TO).orElseThrow());
        h.add(HeaderNames.CALL_ID, request.callId());
        h.add(HeaderNames.CSEQ, new CSeq(request.cseq().number(), SipRequest.ACK).toString());
        for (String route : request.headers().all(HeaderNames.ROUTE)) h.add(HeaderNames.ROUTE, route);
        return new SipRequest(SipRequest.ACK, request.requestUri(), h, null);
    }

    @Override
    public void cancel() {
        if (!invite) return;
        boolean send;
        synchronized (this) {
            if (state == State.CALLING) {
                cancelRequested = true;
                return;
            }
            send = state == State.PROCEEDING && !cancelSent;
            if (send) cancelSent = true;
        }
        if (send) sendCancel();
    }

    /** CANCEL per §9.1: same Request-URI, Call-ID, From, To, CSeq number, top Via and Route as the INVITE. */
    private void sendCancel() {
        Headers h = new Headers();
        h.add(HeaderNames.VIA, request.headers().first(HeaderNames.VIA).orElseThrow());
        h.add(HeaderNames.MAX_FORWARDS, "70");
        h.add(HeaderNames.FROM, request.headers().first(HeaderNames.FROM).orElseThrow());
        h.add(HeaderNames.TO, request.headers().first(HeaderNames.TO).orElseThrow());
        h.add(HeaderNames.CALL_ID, request.callId());
        h.add(HeaderNames.CSEQ, new CSeq(request.cseq().number(), SipRequest.CANCEL).toString());
        for (String route : request.headers().all(HeaderNames.ROUTE)) h.add(HeaderNames.ROUTE, route);
        SipRequest cancel = new SipRequest(SipRequest.CANCEL, request.requestUri(), h, null);
        synchronized (this) {
            Timers.cancel(timeout);
            timeout = layer.timers.schedule(layer.timers.timeout(), this::timedOut);
        }
        layer.send(cancel, destination, new ResponseHandler() {
            @Override public void onFinal(SipResponse response) {}

            @Override public void onTimeout() {}

            @Override public void onTransportError(Exception cause) {}
        });
    }

    private void terminate() {
        synchronized (this) {
            state = State.TERMINATED;
            Timers.cancel(retransmit);
            Timers.cancel(timeout);
        }
        layer.forget(this);
    }

    @Override
    public String toString() {
        return "ClientTransaction[" + request.method() + " " + branch + "]";
    }
}
