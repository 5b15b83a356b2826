package dev.switchboard.media;

import java.time.Duration;
import java.util.Optional;

/**
 * How a playback ended.
 *
 * @param outcome why it ended
 * @param key     the stop key pressed, for {@link Outcome#KEY}
 * @param played  how much audio was sent
 * @param failure what went wrong, for {@link Outcome#FAILED}
 */
public record PlayResult(Outcome outcome, Optional<Character> key, Duration played, Optional<String> failure) {

    public enum Outcome {
        /** The source ended. */
        FINISHED,
        /** One of the stop keys was pressed. */
        KEY,
        /** {@link Playback#stop()}, another play, or a bridge replaced it. */
        STOPPED,
        /** The session closed (hang-up). */
        SESSION_CLOSED,
        /** The source could not be opened or read. */
        FAILED
    }
}
