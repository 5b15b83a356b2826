package dev.switchboard.telephony.call;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchboard.core.call.BridgeRequest;
import dev.switchboard.core.call.BridgeResult;
import dev.switchboard.core.call.CallControl;
import dev.switchboard.core.call.CallHungUp;
import dev.switchboard.core.call.CallInfo;
import dev.switchboard.core.call.ConferenceRequest;
import dev.switchboard.core.call.DigitRequest;
import dev.switchboard.core.call.Digits;
import dev.switchboard.core.call.FaxResult;
import dev.switchboard.core.call.HoldOutcome;
import dev.switchboard.core.call.Media;
import dev.switchboard.core.call.Party;
import dev.switchboard.core.call.RecordRequest;
import dev.switchboard.core.call.Recording;
import dev.switchboard.core.call.SayRequest;
import dev.switchboard.media.AudioSource;
import dev.switchboard.media.AudioSources;
import dev.switchboard.media.PlayOptions;
import dev.switchboard.media.PlayResult;
import dev.switchboard.media.Playback;
import dev.switchboard.media.RecordOptions;
import dev.switchboard.media.Recorder;
import dev.switchboard.media.RecordingResult;
import dev.switchboard.media.SdpException;
import dev.switchboard.media.Tones;

/**
 * {@link CallControl} on a real caller's leg: the same behaviour as the simulator's call, on SIP and RTP. Methods
 * block the call's virtual thread until done, and throw {@link CallHungUp} once the caller has left. Keys the caller
 * presses wait in a type-ahead buffer until a collect takes them; a playback stopped by a terminator consumes that
 * key only.
 */
public final class SipCall implements CallControl {
    private static final Logger LOG = LoggerFactory.getLogger(SipCall.class);
    /** How long a caller may take to ACK our 200 before the call is given up (64*T1). */
    private static final Duration ACK_WAIT = Duration.ofSeconds(32);
    private static final String ALL_KEYS = "0123456789*#ABCD";

    private volatile CallInfo info;
    private final InboundLeg leg;
    private final MediaSources sources;
    private final Bridger bridger;
    private final Clock clock;
    private final DigitBuffer digits = new DigitBuffer();
    private final Object signalLock = new Object();
    private CompletableFuture<Void> keySignal = new CompletableFuture<>();
    private volatile String language;
    private volatile Party callerId;
    private volatile Instant answeredAt;
    private volatile String transferTarget;
    private volatile boolean reachedCarrier;

    public SipCall(CallInfo info, InboundLeg leg, MediaSources sources, Bridger bridger, Clock clock, String language) {
        this.info = info;
        this.leg = leg;
        this.sources = sources;
        this.bridger = bridger;
        this.clock = clock;
        this.language = language;
        this.callerId = info.from();
        leg.session().onDtmf((session, event) -> pressed(event.key()));
        leg.session().promptResolver(sources.promptOverrides());
        leg.ended().whenComplete((cause, e) -> {
            digits.close();
            signal();
        });
    }

    private void pressed(char key) {
        digits.press(key);
        signal();
    }

    private void signal() {
        CompletableFuture<Void> old;
        synchronized (signalLock) {
            old = keySignal;
            keySignal = new CompletableFuture<>();
        }
        old.complete(null);
    }

    private CompletableFuture<Void> nextKey() {
        synchronized (signalLock) {
            return keySignal;
        }
    }

    public InboundLeg leg() {
        return leg;
    }

    /** When the caller was answered, or null. */
    public Instant answeredAt() {
        return answeredAt;
    }

    /** The number {@link #transfer} handed the call to, or null. */
    public String transferTarget() {
        return transferTarget;
    }

    /** After a transfer: the call is now for {@link #transferTarget()}, whose callflow runs next. */
    public void retarget() {
        CallInfo was = info;
        info = new CallInfo(was.callId(), was.accountId(), transferTarget, callerId, was.deviceId(), was.ownerId(),
                was.fromCarrier());
        transferTarget = null;
    }

    @Override
    public CallInfo info() {
        return info;
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public void answer() {
        alive();
        if (leg.answered()) {
            return;
        }
        try {
            leg.answer();
        } catch (SdpException e) {
            incompatible(e);
        }
        answeredAt = clock.instant();
        if (!await(leg.acked(), ACK_WAIT)) {
            LOG.atWarn().setMessage("no ACK for our 200; hanging up").addKeyValue("call_id", info.callId())
                    .addKeyValue("account_id", info.accountId()).log();
            leg.bye("RECOVERY_ON_TIMER_EXPIRE");
            throw new CallHungUp();
        }
    }

    @Override
    public boolean answered() {
        return leg.answered();
    }

    @Override
    public void ringing() {
        alive();
        leg.ringing();
    }

    @Override
    public void earlyMedia() {
        alive();
        try {
            leg.earlyMedia();
        } catch (SdpException e) {
            incompatible(e);
        }
    }

    /** Audio needs a media path: early media when the call is not answered yet. */
    private void mediaPath() {
        if (!leg.answered() && !leg.early()) {
            earlyMedia();
        }
    }

    private void incompatible(SdpException e) {
        LOG.atInfo().setMessage("no common media with the caller").addKeyValue("call_id", info.callId())
                .addKeyValue("account_id", info.accountId()).addKeyValue("reason", e.getMessage()).log();
        leg.reject(488, "Not Acceptable Here", "INCOMPATIBLE_DESTINATION");
        throw new CallHungUp();
    }

    @Override
    public Optional<String> play(Media media, String terminators) {
        alive();
        mediaPath();
        AudioSource source;
        try {
            source = sources.of(media, language);
        } catch (IOException e) {
            unplayable(media.describe(), e.getMessage());
            return Optional.empty();
        }
        return play(source, terminators, media.describe());
    }

    @Override
    public Optional<String> say(SayRequest request, String terminators) {
        alive();
        mediaPath();
        return play(MediaSources.say(request, language), terminators, "say:" + request.type());
    }

    /** Plays to the end, or until a terminator pressed during it, which it consumes. */
    Optional<String> play(AudioSource source, String terminators, String what) {
        long mark = digits.mark();
        Playback playback = leg.session().play(source, PlayOptions.UNINTERRUPTIBLE);
        try {
            while (true) {
                CompletableFuture<Void> key = nextKey();
                Optional<Character> terminator = digits.takeTerminatorSince(mark, terminators);
                if (terminator.isPresent()) {
                    playback.stop();
                    return Optional.of(String.valueOf(terminator.get()));
                }
                if (playback.result().isDone()) {
                    PlayResult result = playback.result().join();
                    if (result.outcome() == PlayResult.Outcome.FAILED) {
                        unplayable(what, result.failure().orElse("unknown failure"));
                    }
                    alive();
                    return Optional.empty();
                }
                alive();
                waitAny(playback.result(), key);
            }
        } finally {
            if (leg.isEnded()) {
                playback.stop();
            }
        }
    }

    private void unplayable(String what, String why) {
        LOG.atWarn().setMessage("media could not be played").addKeyValue("call_id", info.callId())
                .addKeyValue("account_id", info.accountId()).addKeyValue("media", what).addKeyValue("reason", why)
                .log();
    }

    @Override
    public Digits collect(DigitRequest request) {
        alive();
        for (Media prompt : request.prompts()) {
            mediaPath();
            AudioSource source;
            try {
                source = sources.of(prompt, language);
            } catch (IOException e) {
                unplayable(prompt.describe(), e.getMessage());
                continue;
            }
            long mark = digits.mark();
            Playback playback = leg.session().play(source, PlayOptions.UNINTERRUPTIBLE);
            while (!playback.result().isDone() && !digits.pressedSince(mark)) {
                alive();
                waitAny(playback.result(), nextKey());
            }
            if (digits.pressedSince(mark)) {
                playback.stop();
                break;
            }
        }
        StringBuilder got = new StringBuilder();
        Duration wait = request.firstDigitTimeout();
        while (got.length() < request.maxDigits()) {
            Optional<Character> key;
            try {
                key = digits.next(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CallHungUp();
            }
            alive();
            if (key.isEmpty()) {
                break;
            }
            String k = String.valueOf(key.get());
            if (request.terminators() != null && request.terminators().contains(k)) {
                return new Digits(got.length() < request.minDigits() ? "" : got.toString(), k);
            }
            got.append(k);
            wait = request.interdigitTimeout();
        }
        return new Digits(got.length() < request.minDigits() ? "" : got.toString(), null);
    }

    @Override
    public String takeBufferedDigits() {
        return digits.drain();
    }

    @Override
    public Recording record(RecordRequest request) {
        alive();
        mediaPath();
        if (request.beep()) {
            play(AudioSources.tone(Tones.BEEP), "", "beep");
        }
        Duration silence = request.silence();
        boolean detectSilence = silence != null && !silence.isZero() && !silence.isNegative();
        long mark = digits.mark();
        Recorder recorder = leg.session().record(new RecordOptions(request.maxLength(), detectSilence ? 200 : 0,
                detectSilence ? silence : Duration.ZERO, "", null));
        String terminator = null;
        while (!recorder.result().isDone()) {
            CompletableFuture<Void> key = nextKey();
            Optional<Character> t = digits.takeTerminatorSince(mark, request.terminators());
            if (t.isPresent()) {
                terminator = String.valueOf(t.get());
                recorder.stop();
                break;
            }
            if (leg.isEnded()) {
                recorder.stop();
                break;
            }
            waitAny(recorder.result(), key);
        }
        RecordingResult result;
        try {
            result = recorder.result().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallHungUp();
        } catch (ExecutionException | TimeoutException e) {
            LOG.atWarn().setMessage("recording failed").addKeyValue("call_id", info.callId())
                    .addKeyValue("account_id", info.accountId()).setCause(e).log();
            return new Recording(new byte[0], "audio/wav", Duration.ZERO, terminator, leg.isEnded());
        }
        return new Recording(result.wav().orElse(new byte[0]), "audio/wav", result.duration(), terminator,
                leg.isEnded());
    }

    /** Whether a bridge of this call rang a carrier (or a number out through one): an outbound call. */
    public boolean reachedCarrier() {
        return reachedCarrier;
    }

    @Override
    public BridgeResult bridge(BridgeRequest request) {
        alive();
        reachedCarrier |= request.endpoints().stream().anyMatch(e -> e.kind().equals("carrier")
                || e.kind().equals("number"));
        BridgeResult result = bridger.bridge(this, request);
        if (result.answered() && answeredAt == null) {
            answeredAt = clock.instant();
        }
        return result;
    }

    /** Conferences are not on real calls yet: the caller hears that it cannot be done, and the flow goes on. */
    @Override
    public void conference(ConferenceRequest request) {
        alive();
        notOnRealCalls("conference");
    }

    @Override
    public HoldOutcome hold(Media music, Duration timeout) {
        try {
            alive();
            mediaPath();
            AudioSource source = music == null ? AudioSources.tone(Tones.forCountry("us", "ringback"))
                    : sources.of(music, language);
            Playback playback = leg.session().play(AudioSources.loop(source), PlayOptions.UNINTERRUPTIBLE);
            try {
                pause(timeout);
            } finally {
                playback.stop();
            }
            return HoldOutcome.TIMED_OUT;
        } catch (CallHungUp e) {
            return HoldOutcome.HUNG_UP;
        } catch (IOException e) {
            unplayable(music.describe(), e.getMessage());
            return leg.isEnded() ? HoldOutcome.HUNG_UP : HoldOutcome.TIMED_OUT;
        }
    }

    @Override
    public boolean connectTo(String otherCallId, String mode) {
        alive();
        notOnRealCalls("connect to another call (" + mode + ")");
        return false;
    }

    @Override
    public FaxResult receiveFax(boolean t38) {
        alive();
        notOnRealCalls("fax");
        return new FaxResult(false, 0, new byte[0], "fax reception is not available on real calls yet");
    }

    private void notOnRealCalls(String what) {
        LOG.atWarn().setMessage("not available on real calls yet").addKeyValue("feature", what)
                .addKeyValue("call_id", info.callId()).addKeyValue("account_id", info.accountId()).log();
    }

    @Override
    public void sendDtmf(String keys) {
        sendDtmf(keys, Duration.ofMillis(100));
    }

    @Override
    public void sendDtmf(String keys, Duration toneLength) {
        alive();
        mediaPath();
        await(leg.session().sendDtmf(keys, toneLength), Duration.ofSeconds(2L + keys.length()));
    }

    /** The call goes on to {@code target}'s callflow (see {@link #retarget}); the flow hands it over. */
    @Override
    public void transfer(String target, boolean attended) {
        alive();
        transferTarget = target;
    }

    @Override
    public void respond(int code, String reason) {
        if (leg.answered()) {
            hangup("NORMAL_CLEARING");
            return;
        }
        leg.reject(code, reason, HangupCauses.ofSipStatus(code));
    }

    /** Harmless when the call already ended, and held back while a transfer hands the call to another flow. */
    @Override
    public void hangup(String cause) {
        if (transferTarget == null && !leg.isEnded()) {
            leg.hangup(cause);
        }
    }

    @Override
    public boolean hungUp() {
        return leg.isEnded();
    }

    @Override
    public void pause(Duration duration) {
        alive();
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            leg.ended().get(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // ended anyway
        }
        throw new CallHungUp();
    }

    @Override
    public String language() {
        return language;
    }

    @Override
    public void language(String value) {
        language = value;
    }

    @Override
    public Party callerId() {
        return callerId;
    }

    @Override
    public void callerId(Party party) {
        callerId = party;
    }

    private void alive() {
        if (leg.isEnded()) {
            throw new CallHungUp();
        }
    }

    /** Waits for one of {@code futures} or the caller leaving. */
    private void waitAny(CompletableFuture<?>... futures) {
        CompletableFuture<?>[] all = new CompletableFuture<?>[futures.length + 1];
        System.arraycopy(futures, 0, all, 0, futures.length);
        all[futures.length] = leg.ended();
        try {
            CompletableFuture.anyOf(all).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallHungUp();
        } catch (ExecutionException e) {
            // a failed future is done too; the caller looks at it
        }
    }

    /** Waits for {@code future} up to {@code max}: false on timeout; throws when the caller leaves first. */
    private boolean await(CompletableFuture<?> future, Duration max) {
        try {
            CompletableFuture.anyOf(future, leg.ended()).get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallHungUp();
        } catch (ExecutionException e) {
            // looked at below
        }
        if (future.isDone()) {
            return true;
        }
        throw new CallHungUp();
    }
}
