package dev.switchboard.core.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import dev.switchboard.core.call.BridgeEndpoint;
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

/**
 * A call in memory on a virtual clock: a 10-minute call runs in microseconds. Media take a nominal time, the
 * caller presses keys and hangs up as its script says, endpoints answer as they are told.
 */
public final class SimulatedCall implements CallControl {
    /** How long a connected conversation lasts when the script does not hang up first. */
    static final Duration CONVERSATION = Duration.ofSeconds(30);
    /** A simulated caller gives up after this long, so an endless loop in a flow still ends. */
    static final long LONGEST_CALL_MS = Duration.ofHours(4).toMillis();

    private final CallInfo info;
    private final Instant start;
    private final Deque<CallerScript.Press> presses;
    private final long hangupAtMs;
    private final long takenAtMs;
    private final EndpointBehaviours endpoints;
    private long nowMs;
    private boolean answered;
    private boolean ended;
    private String language;
    private Party callerId;
    private final StringBuilder buffered = new StringBuilder();

    public SimulatedCall(CallInfo info, Instant start, CallerScript script, EndpointBehaviours endpoints,
                         String language) {
        this.info = info;
        this.start = start;
        this.presses = new ArrayDeque<>(script.presses());
        this.hangupAtMs = script.hangupAtMs();
        this.takenAtMs = script.takenAtMs();
        this.endpoints = endpoints;
        this.language = language;
        this.callerId = info.from();
    }

    @Override
    public CallInfo info() {
        return info;
    }

    @Override
    public Instant now() {
        return start.plusMillis(nowMs);
    }

    /** Lets {@code ms} pass; a hang-up in that time ends the call there. */
    private void advance(long ms) {
        if (ended) {
            throw new CallHungUp();
        }
        long leaveAt = Math.min(hangupAtMs, LONGEST_CALL_MS);
        if (leaveAt <= nowMs + ms) {
            nowMs = Math.max(nowMs, leaveAt);
            ended = true;
            throw new CallHungUp();
        }
        nowMs += ms;
    }

    /** The next key pressed no later than {@code deadlineMs}, consuming it and the time until it. */
    private Optional<String> keyBefore(long deadlineMs) {
        if (buffered.length() > 0) {
            String key = buffered.substring(0, 1);
            buffered.deleteCharAt(0);
            return Optional.of(key);
        }
        CallerScript.Press next = presses.peek();
        if (next == null || Math.max(next.atMs(), nowMs) > deadlineMs) {
            advance(deadlineMs - nowMs);
            return Optional.empty();
        }
        advance(Math.max(0, next.atMs() - nowMs));
        presses.poll();
        return Optional.of(next.key());
    }

    /** Keys pressed up to now that nobody was listening for go to the type-ahead buffer. */
    private void bufferPressesUpToNow() {
        while (!presses.isEmpty() && presses.peek().atMs() <= nowMs) {
            buffered.append(presses.poll().key());
        }
    }

    @Override
    public void answer() {
        advance(0);
        answered = true;
    }

    @Override
    public boolean answered() {
        return answered;
    }

    @Override
    public void ringing() {
        advance(0);
    }

    @Override
    public void earlyMedia() {
        advance(0);
    }

    @Override
    public Optional<String> play(Media media, String terminators) {
        return playFor(nominalMs(media), terminators);
    }

    private Optional<String> playFor(long durationMs, String terminators) {
        long end = nowMs + durationMs;
        while (true) {
            CallerScript.Press next = presses.peek();
            if (next == null || next.atMs() > end) {
                advance(end - nowMs);
                return Optional.empty();
            }
            advance(Math.max(0, next.atMs() - nowMs));
            presses.poll();
            if (terminators != null && terminators.contains(next.key())) {
                return Optional.of(next.key());
            }
            buffered.append(next.key());
        }
    }

    @Override
    public Optional<String> say(SayRequest request, String terminators) {
        return playFor(400L * Math.max(1, request.value().length()), terminators);
    }

    @Override
    public Digits collect(DigitRequest request) {
        StringBuilder digits = new StringBuilder();
        for (Media prompt : request.prompts()) {
            Optional<String> key = playFor(nominalMs(prompt), "0123456789*#ABCD");
            if (key.isPresent()) {
                buffered.insert(0, key.get());
                break;
            }
        }
        long wait = request.firstDigitTimeout().toMillis();
        while (digits.length() < request.maxDigits()) {
            Optional<String> key = keyBefore(nowMs + wait);
            if (key.isEmpty()) {
                break;
            }
            if (request.terminators() != null && request.terminators().contains(key.get())) {
                return new Digits(digits.length() < request.minDigits() ? "" : digits.toString(), key.get());
            }
            digits.append(key.get());
            wait = request.interdigitTimeout().toMillis();
        }
        return new Digits(digits.length() < request.minDigits() ? "" : digits.toString(), null);
    }

    @Override
    public String takeBufferedDigits() {
        bufferPressesUpToNow();
        String digits = buffered.toString();
        buffered.setLength(0);
        return digits;
    }

    @Override
    public Recording record(RecordRequest request) {
        if (request.beep()) {
            advance(Media.Tone.BEEP.durationMs());
        }
        long started = nowMs;
        long limit = nowMs + request.maxLength().toMillis();
        CallerScript.Press next = presses.peek();
        boolean hangsUpFirst = hangupAtMs <= limit && (next == null || hangupAtMs <= next.atMs());
        if (hangsUpFirst) {
            long length = hangupAtMs - started;
            nowMs = hangupAtMs;
            ended = true;
            return new Recording(silence(length), "audio/wav", Duration.ofMillis(length), null, true);
        }
        String terminator = null;
        while (next != null && next.atMs() <= limit) {
            advance(Math.max(0, next.atMs() - nowMs));
            presses.poll();
            if (request.terminators() != null && request.terminators().contains(next.key())) {
                terminator = next.key();
                break;
            }
            next = presses.peek();
        }
        if (terminator == null) {
            advance(limit - nowMs);
        }
        long length = nowMs - started;
        return new Recording(silence(length), "audio/wav", Duration.ofMillis(length), terminator, false);
    }

    @Override
    public BridgeResult bridge(BridgeRequest request) {
        advance(0);
        List<BridgeEndpoint> legs = request.endpoints();
        if (legs.isEmpty()) {
            return BridgeResult.failed("NO_ROUTE_DESTINATION", "sip:404");
        }
        BridgeRequest reachable = new BridgeRequest(legs.stream().map(this::reachable).toList(), request.strategy(),
                request.timeout(), request.ringback(), request.ignoreEarlyMedia(), request.callerId(),
                request.failOnSingleReject());
        BridgeResult result = reachable.strategy().equals("single") ? single(reachable) : simultaneous(reachable);
        if (result.answered()) {
            answered = true;
            advance(CONVERSATION.toMillis());
        }
        return result;
    }

    /** A leg that cannot be reached and has a failover (call-forward failover) is replaced by it, as a switch does. */
    private BridgeEndpoint reachable(BridgeEndpoint leg) {
        return leg.failover() != null && endpoints.outcome(leg).equals("unavailable") ? leg.failover() : leg;
    }

    private BridgeResult simultaneous(BridgeRequest request) {
        Optional<BridgeEndpoint> first = request.endpoints().stream()
                .filter(e -> endpoints.outcome(e).equals("answer") && e.delay() < request.timeout())
                .min(Comparator.comparingInt(BridgeEndpoint::delay));
        if (first.isPresent()) {
            advance(first.get().delay() * 1000L + 2000);
            return BridgeResult.answered(first.get());
        }
        List<String> outcomes = request.endpoints().stream().map(endpoints::outcome).toList();
        if (outcomes.contains("no_answer")) {
            advance(request.timeout() * 1000L);
            return EndpointBehaviours.failure("no_answer");
        }
        advance(500);
        for (String failure : List.of("busy", "reject", "unavailable")) {
            if (outcomes.contains(failure)) {
                return EndpointBehaviours.failure(failure);
            }
        }
        return EndpointBehaviours.failure("no_answer");
    }

    private BridgeResult single(BridgeRequest request) {
        BridgeResult last = EndpointBehaviours.failure("no_answer");
        long deadline = nowMs + request.timeout() * 1000L;
        for (BridgeEndpoint e : request.endpoints()) {
            if (nowMs >= deadline) {
                break;
            }
            String outcome = endpoints.outcome(e);
            if (outcome.equals("answer")) {
                advance(2000);
                return BridgeResult.answered(e);
            }
            advance(outcome.equals("no_answer") ? Math.min(e.timeout() * 1000L, deadline - nowMs) : 500);
            last = EndpointBehaviours.failure(outcome);
        }
        return last;
    }

    @Override
    public void conference(ConferenceRequest request) {
        answered = true;
        advance(CONVERSATION.toMillis());
    }

    @Override
    public HoldOutcome hold(Media music, Duration timeout) {
        try {
            if (takenAtMs <= nowMs + timeout.toMillis() && takenAtMs < hangupAtMs) {
                advance(Math.max(0, takenAtMs - nowMs));
                return HoldOutcome.TAKEN;
            }
            advance(timeout.toMillis());
            return HoldOutcome.TIMED_OUT;
        } catch (CallHungUp e) {
            return HoldOutcome.HUNG_UP;
        }
    }

    @Override
    public boolean connectTo(String otherCallId, String mode) {
        advance(CONVERSATION.toMillis());
        return true;
    }

    @Override
    public FaxResult receiveFax(boolean t38) {
        answered = true;
        advance(60_000);
        return new FaxResult(true, 1, new byte[0], null);
    }

    /** A simulated caller is a person: it listens the whole time, keys pressed meanwhile are type-ahead. */
    @Override
    public boolean detectFax(Duration listen) {
        pause(listen);
        return false;
    }

    @Override
    public void sendDtmf(String digits) {
        advance(CallerScript.KEY_GAP_MS * digits.length());
    }

    @Override
    public void sendDtmf(String digits, Duration toneLength) {
        advance(Math.max(0, toneLength.toMillis()) * digits.length());
    }

    @Override
    public void transfer(String target, boolean attended) {
        advance(0);
        ended = true;
    }

    @Override
    public void respond(int code, String reason) {
        advance(0);
        ended = true;
    }

    @Override
    public void hangup(String cause) {
        ended = true;
    }

    @Override
    public boolean hungUp() {
        return ended;
    }

    @Override
    public void pause(Duration duration) {
        advance(duration.toMillis());
        bufferPressesUpToNow();
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

    /** Milliseconds since the call started, on the virtual clock. */
    public long elapsedMs() {
        return nowMs;
    }

    private static long nominalMs(Media media) {
        return switch (media) {
            case Media.Tone t -> t.durationMs();
            case Media.Silence s -> s.durationMs();
            case Media.Tts t -> Math.max(1000, 60L * t.text().length());
            default -> 2000;
        };
    }

    /** A WAV header and silence of that length at 8 kHz, 16-bit mono. */
    private static byte[] silence(long ms) {
        int samples = (int) Math.min(Integer.MAX_VALUE / 4, ms * 8);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44 + samples * 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes()).put("fmt ".getBytes())
                .putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000)
                .putShort((short) 2).putShort((short) 16).put("data".getBytes()).putInt(samples * 2);
        return b.array();
    }
}
