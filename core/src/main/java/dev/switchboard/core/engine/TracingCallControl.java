package dev.switchboard.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.switchboard.core.call.BridgeEndpoint;
import dev.switchboard.core.call.BridgeRequest;
import dev.switchboard.core.call.BridgeResult;
import dev.switchboard.core.call.CallControl;
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
 * Writes what a call does into its trace, in the same words for a simulated and a real call: {@code play:<what>},
 * {@code collect:<digits>}, {@code bridge:<endpoint>:<outcome>}, {@code respond:<code>}, {@code record:<ms>},
 * {@code say:<type>:<value>} (with {@code @<zone>} when a date or time is spoken in a time zone).
 */
public final class TracingCallControl implements CallControl {
    private final CallControl call;
    private final Trace trace;

    public TracingCallControl(CallControl call, Trace trace) {
        this.call = call;
        this.trace = trace;
    }

    @Override
    public CallInfo info() {
        return call.info();
    }

    @Override
    public Instant now() {
        return call.now();
    }

    @Override
    public void answer() {
        if (!call.answered()) {
            trace.event("answer");
        }
        call.answer();
    }

    @Override
    public boolean answered() {
        return call.answered();
    }

    @Override
    public void ringing() {
        trace.event("ringing");
        call.ringing();
    }

    @Override
    public void earlyMedia() {
        trace.event("early_media");
        call.earlyMedia();
    }

    @Override
    public Optional<String> play(Media media, String terminators) {
        trace.event("play:" + media.describe());
        Optional<String> key = call.play(media, terminators);
        key.ifPresent(k -> trace.event("dtmf:" + k));
        return key;
    }

    @Override
    public Optional<String> say(SayRequest request, String terminators) {
        boolean timeOfDay = request.type().startsWith("date") || request.type().startsWith("time");
        String zone = request.timezone() == null || !timeOfDay ? "" : "@" + request.timezone();
        trace.event("say:" + request.type() + ":" + request.value() + zone);
        Optional<String> key = call.say(request, terminators);
        key.ifPresent(k -> trace.event("dtmf:" + k));
        return key;
    }

    @Override
    public Digits collect(DigitRequest request) {
        request.prompts().forEach(p -> trace.event("play:" + p.describe()));
        Digits digits = call.collect(request);
        trace.event("collect:" + digits.digits());
        return digits;
    }

    @Override
    public String takeBufferedDigits() {
        return call.takeBufferedDigits();
    }

    @Override
    public Recording record(RecordRequest request) {
        Recording recording = call.record(request);
        trace.event("record:" + recording.length().toMillis());
        return recording;
    }

    @Override
    public BridgeResult bridge(BridgeRequest request) {
        BridgeResult result = call.bridge(request);
        BridgeEndpoint by = result.answered() ? result.answeredBy() : null;
        for (BridgeEndpoint e : request.endpoints()) {
            boolean winner = by != null && by.id().equals(e.id());
            boolean failoverWon = !winner && by != null && e.failover() != null && by.id().equals(e.failover().id());
            String outcome = winner ? "answered" : failoverWon ? "failover:" + by.id() + ":answered"
                    : result.answered() ? "cancelled" : result.cause();
            trace.event("bridge:" + e.id() + ":" + outcome);
        }
        if (request.endpoints().isEmpty()) {
            trace.event("bridge:none:" + result.cause());
        }
        return result;
    }

    @Override
    public void conference(ConferenceRequest request) {
        trace.event("conference:" + request.roomId());
        call.conference(request);
    }

    @Override
    public HoldOutcome hold(Media music, Duration timeout) {
        trace.event("hold:" + (music == null ? "default" : music.describe()));
        HoldOutcome outcome = call.hold(music, timeout);
        trace.event("hold_end:" + outcome.name().toLowerCase(java.util.Locale.ROOT));
        return outcome;
    }

    @Override
    public boolean connectTo(String otherCallId, String mode) {
        trace.event("connect:" + otherCallId + ":" + mode);
        return call.connectTo(otherCallId, mode);
    }

    @Override
    public FaxResult receiveFax(boolean t38) {
        FaxResult result = call.receiveFax(t38);
        trace.event("fax:" + (result.success() ? result.pages() + "_pages" : "failed"));
        return result;
    }

    @Override
    public boolean detectFax(Duration listen) {
        boolean fax = call.detectFax(listen);
        trace.event("fax_detect:" + (fax ? "fax" : "voice"));
        return fax;
    }

    @Override
    public void sendDtmf(String digits) {
        trace.event("send_dtmf:" + digits);
        call.sendDtmf(digits);
    }

    @Override
    public void sendDtmf(String digits, Duration toneLength) {
        trace.event("send_dtmf:" + digits);
        call.sendDtmf(digits, toneLength);
    }

    @Override
    public void transfer(String target, boolean attended) {
        trace.event("transfer:" + target);
        call.transfer(target, attended);
    }

    @Override
    public void respond(int code, String reason) {
        trace.event("respond:" + code);
        call.respond(code, reason);
    }

    @Override
    public void hangup(String cause) {
        if (!call.hungUp()) {
            trace.event("hangup:" + cause);
        }
        call.hangup(cause);
    }

    @Override
    public boolean hungUp() {
        return call.hungUp();
    }

    @Override
    public void pause(Duration duration) {
        trace.event("pause:" + duration.toMillis());
        call.pause(duration);
    }

    @Override
    public String language() {
        return call.language();
    }

    @Override
    public void language(String language) {
        trace.event("language:" + language);
        call.language(language);
    }

    @Override
    public Party callerId() {
        return call.callerId();
    }

    @Override
    public void callerId(Party party) {
        trace.event("caller_id:" + party.number());
        call.callerId(party);
    }
}
