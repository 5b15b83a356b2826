package dev.switchboard.media;

import dev.switchboard.media.engine.RtpMediaEngine;

/**
 * The media engine: RTP sessions on a port range, driven by one media clock that ticks every 20 ms for every call.
 * Thread-safe. Start one per process with {@link #start(MediaConfig)}; {@link #close()} ends every session.
 */
public interface MediaEngine extends AutoCloseable {

    /** Binds nothing yet (ports are taken per session) but starts the media clock and the RTP event loops. */
    static MediaEngine start(MediaConfig config) {
        return RtpMediaEngine.start(config);
    }

    /**
     * A new session for one call leg, with an RTP/RTCP port pair bound on the configured range.
     *
     * @param callId carried in logs and metrics; need not be unique across legs
     * @throws IllegalStateException when no port pair is free or the engine is closed
     */
    MediaSession newSession(String callId);

    /** Sessions open right now. */
    int activeSessions();

    MediaConfig config();

    /** Everything a source needs to open itself (TTS, prompts, cache), as the engine's sessions use it. */
    AudioContext audioContext();

    /** Closes every session (their futures complete), stops the clock and the event loops. */
    @Override
    void close();
}
