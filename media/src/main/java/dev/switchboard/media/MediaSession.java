package dev.switchboard.media;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One call leg's media: a port pair, the SDP negotiation, what it plays, records, hears as DTMF, and whom it is bridged
 * to. Thread-safe; nothing here blocks except {@link #close()} (briefly, to release the sockets).
 *
 * <p>Negotiation: either {@link #offer()} then {@link #acceptAnswer(String)}, or {@link #answer(String)} to a remote
 * offer. Either may be repeated on the same session for a re-INVITE (hold, unhold, codec change).
 */
public interface MediaSession extends AutoCloseable {

    String callId();

    /** The local RTP port (even); RTCP is on the next one. */
    int localRtpPort();

    /** Our SDP offer, sendrecv, with every configured codec and telephone-event. */
    String offer();

    /** Our SDP offer with the given direction: {@link Direction#SENDONLY} puts the other side on hold. */
    String offer(Direction direction);

    /**
     * Our RFC 3264 answer to a remote offer: the first codec of the offerer's list that we support,
     * telephone-event with the offerer's payload type, other streams rejected with port 0, the direction mirrored
     * (a sendonly or {@code c=0.0.0.0} offer means we are on hold and stop sending).
     *
     * @throws SdpException with a human message when there is no audio stream or no common codec
     */
    String answer(String remoteOffer) throws SdpException;

    /**
     * Takes the remote answer to our last {@link #offer()}.
     *
     * @throws SdpException when the answer rejects audio or chooses a codec we did not offer
     */
    void acceptAnswer(String remoteAnswer) throws SdpException;

    /** The codec we send and expect, once negotiated. */
    Optional<Codec> negotiatedCodec();

    /** The direction agreed for this side: whether we send and whether we expect to receive. */
    Direction direction();

    /** Where we send RTP: the SDP address, or the latched source of the remote's packets (symmetric RTP). */
    Optional<InetSocketAddress> remoteRtpAddress();

    /**
     * Starts playing a source, replacing what was playing (which completes as {@link PlayResult.Outcome#STOPPED}).
     * The source is opened off the media clock (a file read, an HTTP fetch or TTS may take time); the frames are then
     * sent on the clock's ticks. A source that cannot be opened completes as {@link PlayResult.Outcome#FAILED}.
     */
    Playback play(AudioSource source, PlayOptions options);

    /** What is playing now, if anything. */
    Optional<Playback> currentPlayback();

    /** Starts recording what the remote side sends, through the jitter buffer. One recording at a time. */
    Recorder record(RecordOptions options);

    /**
     * Registers a listener of the remote side's key presses (RFC 4733, SIP INFO via {@link #injectDtmf}, or in-band).
     * One event per key press. Listeners run on an I/O thread and must not block.
     *
     * @return closing it removes the listener
     */
    AutoCloseable onDtmf(DtmfListener listener);

    /** A key press that arrived outside RTP (SIP INFO): listeners and stop keys treat it like an RTP one. */
    void injectDtmf(char key, Duration duration);

    /**
     * Sends keys to the remote side: RFC 4733 events (three end packets each) when it accepted telephone-event, else
     * in-band tones. Audio being played is paused while keys are sent.
     *
     * @return completes when the last key was sent
     */
    CompletableFuture<Void> sendDtmf(String digits, Duration toneLength);

    /**
     * Connects this session to another in both directions: RTP is relayed packet by packet (SSRC, sequence and
     * timestamp rewritten) without decoding when both negotiated the same codec, and transcoded between PCMU and PCMA
     * otherwise. Telephone-events pass through; DTMF listeners of both sessions keep firing. Playback on either side
     * stops. Bridging to a third session first unbridges.
     */
    void bridge(MediaSession other);

    /** Ends a bridge (both sides); each goes back to sending its own audio (silence until something plays). */
    void unbridge();

    Optional<MediaSession> bridgedTo();

    /**
     * Sets where {@link AudioSources#prompt} sources played on this session look for an override first (an account's
     * uploaded media for a prompt id). Defaults to the engine's.
     */
    void promptResolver(PromptResolver resolver);

    SessionStats stats();

    boolean isClosed();

    /** Frees the ports; playback, recording and pending DTMF futures complete (a recording keeps what it has). */
    @Override
    void close();
}
