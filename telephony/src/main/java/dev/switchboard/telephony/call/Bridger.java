package dev.switchboard.telephony.call;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchboard.core.call.BridgeEndpoint;
import dev.switchboard.core.call.BridgeRequest;
import dev.switchboard.core.call.BridgeResult;
import dev.switchboard.core.call.CallHungUp;
import dev.switchboard.core.call.Party;
import dev.switchboard.media.AudioSource;
import dev.switchboard.media.AudioSources;
import dev.switchboard.media.PlayOptions;
import dev.switchboard.media.Playback;
import dev.switchboard.media.SdpException;
import dev.switchboard.media.Tones;
import dev.switchboard.sip.message.SipResponse;
import dev.switchboard.sip.message.SipUri;
import dev.switchboard.telephony.endpoint.Dialable;
import dev.switchboard.telephony.endpoint.EndpointResolver;
import dev.switchboard.telephony.endpoint.SipTarget;

/**
 * The B2BUA's bridge: rings the engine's legs, connects the first that answers to the caller, and returns when that
 * conversation is over.
 *
 * <p>Each endpoint starts after its {@code delay} and rings for its {@code timeout}; its resolved attempts are tried
 * one after another (a carrier's gateways, on 5xx, 408 or no response), each ringing all its targets at once (a
 * device's contacts). {@code simultaneous} rings every endpoint together, {@code single} one after another, within
 * the request's {@code timeout}. The caller hears the request's ringback (a ringback tone by default) from the first
 * 180/183, or the callee's early media when it sends some and the request does not ignore it. The first 2xx wins:
 * the others are cancelled (or hung up when they answered too). Failure causes are KAZOO's: NO_ANSWER when a leg
 * rang out, else USER_BUSY, CALL_REJECTED, or the first failure, with its {@code sip:NNN}.
 */
public final class Bridger {
    private static final Logger LOG = LoggerFactory.getLogger(Bridger.class);

    private final SipContext sip;
    private final EndpointResolver resolver;
    private final MediaSources sources;
    private final ScheduledExecutorService timers;
    private final String country;

    public Bridger(SipContext sip, EndpointResolver resolver, MediaSources sources, ScheduledExecutorService timers,
                   String country) {
        this.sip = sip;
        this.resolver = resolver;
        this.sources = sources;
        this.timers = timers;
        this.country = country;
    }

    BridgeResult bridge(SipCall call, BridgeRequest request) {
        List<BridgeEndpoint> endpoints = request.endpoints();
        if (endpoints.isEmpty()) {
            return BridgeResult.failed("NO_ROUTE_DESTINATION", "sip:404");
        }
        Party shown = request.callerId() != null ? request.callerId() : call.callerId();
        Ringing ringing;
        if (request.strategy().equals("single")) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(1, request.timeout()));
            List<Failure> failures = new ArrayList<>();
            ringing = null;
            for (BridgeEndpoint e : endpoints) {
                long left = TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime());
                if (left <= 0) {
                    break;
                }
                BridgeEndpoint bounded = new BridgeEndpoint(e.kind(), e.id(), e.ownerId(), e.groupId(), e.target(), 0,
                        (int) Math.min(e.timeout() > 0 ? e.timeout() : left, left), e.headers(), e.callerId(),
                        e.requireKeypress(), e.failover());
                ringing = new Ringing(call, request, shown);
                ringing.ring(List.of(bounded), (int) left);
                if (ringing.winner != null) {
                    break;
                }
                failures.addAll(ringing.failures);
                if (request.failOnSingleReject() && ringing.failures.stream().anyMatch(Failure::rejected)) {
                    break;
                }
            }
            if (ringing == null || ringing.winner == null) {
                return Failure.verdict(failures);
            }
        } else {
            ringing = new Ringing(call, request, shown);
            ringing.ring(endpoints, request.timeout());
            if (ringing.winner == null) {
                return Failure.verdict(ringing.failures);
            }
        }
        return converse(call, ringing);
    }

    /** The winner talks to the caller until one of them hangs up. */
    private BridgeResult converse(SipCall call, Ringing ringing) {
        OutboundLeg b = ringing.winner;
        ringing.stopRingback();
        InboundLeg a = call.leg();
        try {
            call.answer();
        } catch (CallHungUp e) {
            b.bye("ORIGINATOR_CANCEL");
            throw e;
        }
        a.session().bridge(b.session());
        b.onRefer(referTo -> transferredByCallee(call, b, referTo));
        LOG.atInfo().setMessage("bridged").addKeyValue("call_id", call.info().callId())
                .addKeyValue("account_id", call.info().accountId()).addKeyValue("endpoint", b.target().endpoint().id())
                .addKeyValue("b_call_id", b.callId()).log();
        try {
            CompletableFuture.anyOf(a.ended(), b.ended()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // ended anyway
        }
        if (!b.isEnded()) {
            b.bye("NORMAL_CLEARING");
        }
        return BridgeResult.answered(b.target().endpoint());
    }

    /** The callee transfers the caller (blind REFER): the callee leaves, the caller goes on to the target. */
    private void transferredByCallee(SipCall call, OutboundLeg b, String referTo) {
        String target;
        try {
            String uri = referTo.trim();
            if (uri.startsWith("<")) {
                uri = uri.substring(1, uri.indexOf('>'));
            }
            target = SipUri.parse(uri).user();
        } catch (RuntimeException e) {
            target = null;
        }
        if (target == null || target.isBlank()) {
            b.notifyRefer(400, "Bad Request");
            return;
        }
        call.transfer(target, false);
        b.notifyRefer(200, "OK");
        b.bye("BLIND_TRANSFER");
    }

    /** One ringing round: the endpoints it rings, the legs it started, and how it ended. */
    private final class Ringing {
        private final SipCall call;
        private final BridgeRequest request;
        private final Party shown;
        private final CompletableFuture<OutboundLeg> won = new CompletableFuture<>();
        private final CompletableFuture<Void> allFailed = new CompletableFuture<>();
        private final List<OutboundLeg> legs = new ArrayList<>();
        private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();
        private final List<Failure> failures = new ArrayList<>();
        private int pending;
        private boolean progressed;
        /** The round is decided: what legs still report no longer counts. */
        private boolean closed;
        private Playback ringback;
        OutboundLeg winner;

        Ringing(SipCall call, BridgeRequest request, Party shown) {
            this.call = call;
            this.request = request;
            this.shown = shown;
        }

        void ring(List<BridgeEndpoint> endpoints, int timeoutSeconds) {
            InboundLeg a = call.leg();
            synchronized (this) {
                pending = endpoints.size();
                for (BridgeEndpoint e : endpoints) {
                    Dialable d = resolver.resolve(e, shown);
                    if (!d.reachable()) {
                        endpointFailed(new Failure(e, d.cause(), d.sipCode()));
                        continue;
                    }
                    if (e.delay() >= timeoutSeconds) {
                        endpointFailed(new Failure(e, "NO_ANSWER", "sip:480"));
                        continue;
                    }
                    Candidate c = new Candidate(e, d);
                    scheduled.add(timers.schedule(() -> c.attempt(0), e.delay(), TimeUnit.SECONDS));
                    if (e.timeout() > 0) {
                        scheduled.add(timers.schedule(c::ringOut, (long) e.delay() + e.timeout(), TimeUnit.SECONDS));
                    }
                }
            }
            try {
                CompletableFuture.anyOf(won, allFailed, a.ended()).get(Math.max(1, timeoutSeconds), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                // rang out
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // looked at below
            }
            synchronized (this) {
                closed = true;
                winner = won.getNow(null);
                scheduled.forEach(f -> f.cancel(false));
                for (OutboundLeg leg : legs) {
                    if (leg != winner) {
                        leg.cancel(winner != null ? "LOSE_RACE" : "NO_ANSWER");
                    }
                }
                if (winner == null && !allFailed.isDone()) {
                    failures.add(new Failure(null, "NO_ANSWER", "sip:480"));
                }
            }
            if (a.isEnded()) {
                stopRingback();
                if (winner != null) {
                    winner.bye("ORIGINATOR_CANCEL");
                }
                throw new CallHungUp();
            }
            if (winner == null) {
                stopRingback();
            }
        }

        private synchronized void endpointFailed(Failure failure) {
            failures.add(failure);
            if (--pending <= 0 || request.failOnSingleReject() && failure.rejected()) {
                allFailed.complete(null);
            }
        }

        synchronized void stopRingback() {
            if (ringback != null) {
                ringback.stop();
                ringback = null;
            }
        }

        /** The first ringing or early media from a callee: the caller hears it ring. */
        private synchronized void progress(OutboundLeg leg, SipResponse response) {
            if (winner != null || won.isDone() || response.status() < 180) {
                return;
            }
            InboundLeg a = call.leg();
            boolean passEarlyMedia = response.status() == 183 && response.body().length > 0
                    && !request.ignoreEarlyMedia() && leg.session().negotiatedCodec().isPresent();
            if (progressed && !passEarlyMedia) {
                return;
            }
            progressed = true;
            try {
                if (!a.answered()) {
                    a.ringing();
                    a.earlyMedia();
                }
            } catch (SdpException e) {
                return;
            }
            if (passEarlyMedia) {
                stopRingback();
                a.session().bridge(leg.session());
            } else if (ringback == null) {
                ringback = a.session().play(ringbackSource(), PlayOptions.UNINTERRUPTIBLE);
            }
        }

        private AudioSource ringbackSource() {
            if (request.ringback() != null) {
                try {
                    return AudioSources.loop(sources.of(request.ringback(), call.language()));
                } catch (IOException e) {
                    LOG.atWarn().setMessage("ringback cannot be played; the ringback tone instead")
                            .addKeyValue("call_id", call.info().callId()).addKeyValue("reason", e.getMessage()).log();
                }
            }
            return AudioSources.tone(Tones.forCountry(country, "ringback"));
        }

        /** One endpoint of the round: its attempts, tried in turn. */
        private final class Candidate {
            private final BridgeEndpoint endpoint;
            private final Dialable dialable;
            private final List<OutboundLeg> current = new ArrayList<>();
            private int attempt;
            private int worst;
            private boolean done;

            Candidate(BridgeEndpoint endpoint, Dialable dialable) {
                this.endpoint = endpoint;
                this.dialable = dialable;
            }

            void attempt(int index) {
                synchronized (Ringing.this) {
                    if (done || closed || won.isDone() || call.leg().isEnded()) {
                        return;
                    }
                    attempt = index;
                    current.clear();
                    worst = 0;
                    for (SipTarget target : dialable.attempts().get(index)) {
                        OutboundLeg leg;
                        try {
                            leg = new OutboundLeg(sip, sip.media().newSession(call.info().callId()), target);
                        } catch (RuntimeException e) {
                            LOG.atWarn().setMessage("no media session for a bridge leg").setCause(e).log();
                            continue;
                        }
                        current.add(leg);
                        legs.add(leg);
                        leg.onProgress(r -> progress(leg, r));
                        leg.outcome().thenAccept(status -> finished(leg, status));
                        leg.start();
                    }
                    if (current.isEmpty()) {
                        fail("NORMAL_TEMPORARY_FAILURE", "sip:503");
                    }
                }
            }

            private void finished(OutboundLeg leg, int status) {
                synchronized (Ringing.this) {
                    if (status / 100 == 2) {
                        if (closed || !won.complete(leg)) {
                            leg.cancel("LOSE_RACE");
                        }
                        done = true;
                        return;
                    }
                    if (done || closed) {
                        return;
                    }
                    worst = preferred(worst, status);
                    if (current.stream().anyMatch(l -> !l.outcome().isDone())) {
                        return;
                    }
                    boolean failover = worst >= 500 || worst == 408;
                    if (failover && attempt + 1 < dialable.attempts().size()) {
                        attempt(attempt + 1);
                        return;
                    }
                    fail(HangupCauses.ofSipStatus(worst), "sip:" + worst);
                }
            }

            /** Its own ring time is over. */
            void ringOut() {
                synchronized (Ringing.this) {
                    if (done || won.isDone()) {
                        return;
                    }
                    fail("NO_ANSWER", "sip:480");
                    current.forEach(l -> l.cancel("NO_ANSWER"));
                }
            }

            private void fail(String cause, String sipCode) {
                if (!done) {
                    done = true;
                    endpointFailed(new Failure(endpoint, cause, sipCode));
                }
            }
        }
    }

    /** Of two failures of the same endpoint's contacts, the one that says most: busy, then decline, then the first. */
    private static int preferred(int a, int b) {
        if (a == 0) {
            return b;
        }
        for (int s : new int[] {486, 600, 603}) {
            if (a == s || b == s) {
                return s;
            }
        }
        return a;
    }

    /** Why an endpoint did not answer. */
    private record Failure(BridgeEndpoint endpoint, String cause, String sipCode) {
        boolean rejected() {
            return cause.equals("USER_BUSY") || cause.equals("CALL_REJECTED");
        }

        /** The bridge's failure from its endpoints': NO_ANSWER if any rang out, else busy, rejected, the first. */
        static BridgeResult verdict(List<Failure> failures) {
            for (String cause : List.of("NO_ANSWER", "USER_BUSY", "CALL_REJECTED")) {
                for (Failure f : failures) {
                    if (f.cause().equals(cause)) {
                        return BridgeResult.failed(f.cause(), f.sipCode());
                    }
                }
            }
            return failures.isEmpty() ? BridgeResult.failed("NO_ANSWER", "sip:480")
                    : BridgeResult.failed(failures.getFirst().cause(), failures.getFirst().sipCode());
        }
    }
}
