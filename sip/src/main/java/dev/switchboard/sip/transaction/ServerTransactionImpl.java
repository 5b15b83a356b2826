package dev.switchboard.sip.transaction;

import dev.switchboard.sip.SipStack;
import dev.switchboard.sip.message.HeaderNames;
import dev.switchboard.sip.message.SipRequest;
import dev.switchboard.sip.message.SipResponse;
import dev.switchboard.sip.transport.Destination;
import dev.switchboard.sip.transport.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/** INVITE and non-INVITE server transactions (RFC 3261 §17.2, RFC 6026 for 2xx). */
final class ServerTransactionImpl implements ServerTransaction {
    private static final Logger LOG = LoggerFactory.getLogger(ServerTransactionImpl.class);

    private enum State { TRYING, PROCEEDING, ACCEPTED, COMPLETED, CONFIRMED, TERMINATED }

    final String key;
    private final TransactionLayer layer;
    private final SipRequest request;
    private final boolean invite;
    private final Destination destination;
    private final List<Runnable> cancelActions = new ArrayList<>(1);
    private final List<Runnable> ackTimeoutActions = new ArrayList<>(1);
    private State state = State.TRYING;
    private byte[] lastProvisional;
    private byte[] finalResponse;
    private String toTag;
    private boolean cancelled;
    private ScheduledFuture<?> trying;
    private ScheduledFuture<?> retransmit;
    private ScheduledFuture<?> timeout;
    private long interval;

    ServerTransactionImpl(TransactionLayer layer, String key, SipRequest request) {
        this.layer = layer;
        this.key = key;
        this.request = request;
        this.invite = request.isMethod(SipRequest.INVITE);
        this.destination = Destination.forResponse(request.topVia(), request.source(), layer.config.forceRport());
    }

    /**
     * Where responses go now: the connection the request came on while it is open, else what RFC 3261 §18.2.2 says
     * for a closed one (a new connection to the sent-by port).
     */
    private Destination destination() {
        if (destination.connection() == null || destination.connection().isOpen()) return destination;
        return Destination.forResponse(request.topVia(), request.source(), layer.config.forceRport());
    }

    /** Arms the 100 Trying timer of an INVITE (RFC 3261 §17.2.1: after 200 ms if the user has not answered). */
    synchronized void started() {
        if (invite) {
            trying = layer.timers.schedule(layer.timers.tryingDelay, () -> {
                synchronized (this) {
                    if (state != State.TRYING) return;
                }
                respond(request.createResponse(100));
            });
        }
    }

    @Override public SipRequest request() { return request; }

    @Override public Source source() { return request.source(); }

    @Override public String id() { return key; }

    @Override
    public synchronized boolean isAnswered() {
        return finalResponse != null;
    }

    @Override
    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /** The To tag our responses carry (from the first one that had one), or a new one. */
    synchronized String toTag() {
        if (toTag == null) toTag = SipStack.newTag();
        return toTag;
    }

    @Override
    public boolean respond(SipResponse response) {
        byte[] bytes;
        // sent under the lock (send never blocks): a 100 Trying from the timer thread must not reach the wire after
        // the final response another thread sent, which a UAC such as sipp takes as an unexpected message
        synchronized (this) {
            if (state == State.TERMINATED || state == State.CONFIRMED || state == State.COMPLETED) return false;
            boolean success = response.isSuccess();
            if (state == State.ACCEPTED && !success) return false;
            if (toTag == null) response.to().tag().ifPresent(t -> toTag = t);
            if (!response.headers().contains(HeaderNames.SERVER)) response.headers().add(HeaderNames.SERVER, layer.config.userAgent());
            bytes = response.toBytes();
            Timers.cancel(trying);
            if (response.isProvisional()) {
                if (state == State.ACCEPTED) return false;
                lastProvisional = bytes;
                state = State.PROCEEDING;
            } else {
                finalResponse = bytes;
                onFinal(success);
            }
            Destination to = destination();
            layer.transport.send(to, bytes).whenComplete((v, e) -> {
                if (e != null) LOG.debug("response {} to {} not sent: {}", response.status(), to, e.toString());
            });
        }
        layer.metrics.sent(response);
        return true;
    }

    /** State change for a final response; holds the lock. */
    private void onFinal(boolean success) {
        boolean unreliable = !destination.transport().reliable();
        long t1 = layer.timers.t1;
        if (invite && success) {
            if (state == State.ACCEPTED) return;
            state = State.ACCEPTED;
            layer.awaitAck(this);
            if (unreliable) {
                interval = t1;
                retransmit = layer.timers.schedule(interval, this::retransmitFinal);
            }
            timeout = layer.timers.schedule(layer.timers.timeout(), this::ackTimeout);
        } else if (invite) {
            state = State.COMPLETED;
            if (unreliable) {
                interval = t1;
                retransmit = layer.timers.schedule(interval, this::retransmitFinal);
            }
            timeout = layer.timers.schedule(layer.timers.timeout(), this::ackTimeout);
        } else {
            state = State.COMPLETED;
            timeout = layer.timers.schedule(unreliable ? layer.timers.timeout() : 0, this::terminate);
        }
    }

    /** Timer G (non-2xx) or the RFC 6026 2xx retransmission: T1 doubling up to T2. */
    private void retransmitFinal() {
        byte[] bytes;
        synchronized (this) {
            if (state != State.COMPLETED && state != State.ACCEPTED) return;
            bytes = finalResponse;
            interval = Math.min(interval * 2, layer.timers.t2);
            retransmit = layer.timers.schedule(interval, this::retransmitFinal);
        }
        layer.metrics.retransmission();
        layer.transport.send(destination(), bytes);
    }

    /** Timer H (no ACK for a non-2xx) or timer L (no ACK for a 2xx in 64*T1). */
    private void ackTimeout() {
        List<Runnable> actions;
        synchronized (this) {
            if (state != State.COMPLETED && state != State.ACCEPTED) return;
            actions = state == State.ACCEPTED ? List.copyOf(ackTimeoutActions) : List.of();
            if (state == State.ACCEPTED) {
                LOG.atInfo().addKeyValue("callId", request.callId()).addKeyValue("peer", request.source().remote())
                        .log("no ACK for the 2xx to an INVITE");
            }
        }
        terminate();
        for (Runnable r : actions) TransactionLayer.call(r);
    }

    /** A retransmission of the request: send the last response again (§17.2.1, §17.2.2). */
    void retransmitted() {
        byte[] bytes;
        synchronized (this) {
            bytes = switch (state) {
                case PROCEEDING -> lastProvisional;
                case COMPLETED, ACCEPTED -> finalResponse;
                default -> null;
            };
        }
        if (bytes != null) {
            layer.metrics.retransmission();
            layer.transport.send(destination(), bytes);
        }
    }

    /** An ACK matching a non-2xx final response: absorbed, timer I (§17.2.1). Says whether it was ours. */
    boolean absorbAck() {
        synchronized (this) {
            if (!invite) return false;
            if (state == State.CONFIRMED) return true;
            if (state != State.COMPLETED) return false;
            state = State.CONFIRMED;
            Timers.cancel(retransmit);
            Timers.cancel(timeout);
            timeout = layer.timers.schedule(destination.transport().reliable() ? 0 : layer.timers.t4, this::terminate);
            return true;
        }
    }

    /** The ACK for our 2xx arrived: stop retransmitting it. */
    void ackReceived() {
        synchronized (this) {
            Timers.cancel(retransmit);
            Timers.cancel(timeout);
        }
        terminate();
    }

    /** A matching CANCEL arrived (and was answered 200): 487 unless already answered, then the user is told. */
    void cancelled() {
        List<Runnable> actions;
        synchronized (this) {
            if (finalResponse != null) return;
            cancelled = true;
            actions = List.copyOf(cancelActions);
        }
        respond(request.createResponse(487, null, toTag()));
        for (Runnable r : actions) TransactionLayer.call(r);
    }

    @Override
    public void onCancel(Runnable action) {
        boolean now;
        synchronized (this) {
            now = cancelled;
            if (!now) cancelActions.add(action);
        }
        if (now) TransactionLayer.call(action);
    }

    @Override
    public synchronized void onAckTimeout(Runnable action) {
        ackTimeoutActions.add(action);
    }

    private void terminate() {
        synchronized (this) {
            state = State.TERMINATED;
            Timers.cancel(retransmit);
            Timers.cancel(timeout);
            Timers.cancel(trying);
        }
        layer.stopAwaitingAck(this);
        layer.forget(this);
    }

    @Override
    public String toString() {
        return "ServerTransaction[" + request.method() + " " + key + "]";
    }
}
