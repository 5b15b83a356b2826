package dev.switchboard.core.call;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Everything an action may do to a call. Methods block on the call's virtual thread and throw {@link CallHungUp}
 * once the caller has left (except {@link #hangup}, {@link #hungUp} and getters). Implemented on real SIP legs
 * and RTP by the telephony layer, and in memory by the simulator.
 */
public interface CallControl {

    CallInfo info();

    /** Now, on the call's clock (virtual in the simulator). */
    Instant now();

    /** Answers if not answered yet (200 OK). */
    void answer();

    boolean answered();

    /** 180 Ringing, no media. */
    void ringing();

    /** 183 with media: what the caller hears next plays before answer. */
    void earlyMedia();

    /**
     * Plays media to the end, or until one of {@code terminators} is pressed.
     *
     * @return the key that stopped it
     */
    Optional<String> play(Media media, String terminators);

    /** Speaks a value; stops early on a terminator like {@link #play}. */
    Optional<String> say(SayRequest request, String terminators);

    Digits collect(DigitRequest request);

    /** Keys pressed while nothing was collecting them (type-ahead), then forgets them. */
    String takeBufferedDigits();

    Recording record(RecordRequest request);

    /** Rings endpoints, connects the first that answers, and returns when that conversation is over. */
    BridgeResult bridge(BridgeRequest request);

    /** Joins a conference; returns when the caller leaves it. */
    void conference(ConferenceRequest request);

    /** Holds the caller with music until another call takes it over, the time runs out, or it hangs up. */
    HoldOutcome hold(Media music, Duration timeout);

    /**
     * Connects this call to another live call: the one being picked up, retrieved from park, or listened to.
     *
     * @param mode "bridge" (talk), "listen" (eavesdrop, muted), "whisper" (talk to the callee only)
     * @return false when that call is gone
     */
    boolean connectTo(String otherCallId, String mode);

    FaxResult receiveFax(boolean t38);

    /**
     * Listens for a calling fax machine's tone (CNG) for up to {@code listen}, ending early when one is heard.
     * A call that cannot detect fax tones listens in silence and reports voice.
     *
     * @return true when a fax machine is calling
     */
    default boolean detectFax(Duration listen) {
        pause(listen);
        return false;
    }

    void sendDtmf(String digits);

    /**
     * Sends DTMF with each key sounding for {@code toneLength} (the RFC 4733 event duration). Implementations that
     * cannot choose the length send the keys as {@link #sendDtmf(String)} does.
     */
    default void sendDtmf(String digits, Duration toneLength) {
        sendDtmf(digits);
    }

    /** Blind ({@code attended} false) or attended transfer of the connected party to {@code target}. */
    void transfer(String target, boolean attended);

    /**
     * Answers the INVITE with a final SIP response (4xx-6xx) when not answered, else hangs up.
     *
     * @param reason the reason phrase; null for the standard phrase of {@code code}
     */
    void respond(int code, String reason);

    /** Ends the call with a KAZOO hangup cause; harmless when it already ended. */
    void hangup(String cause);

    boolean hungUp();

    void pause(Duration duration);

    /** The language prompts are played in ("en-us"). */
    String language();

    void language(String language);

    /** Caller ID presented onwards (to callees, carriers). */
    Party callerId();

    void callerId(Party party);
}
