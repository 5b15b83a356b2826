package dev.switchboard.core.call;

import java.time.Duration;

/**
 * A finished recording.
 *
 * @param audio       the recording (WAV unless the request asked for another format)
 * @param length      how long it is
 * @param terminator  the key that stopped it, or null (silence, max length, hangup)
 * @param hungUp      the caller hung up during the recording; the audio up to then is complete and kept
 */
public record Recording(byte[] audio, String contentType, Duration length, String terminator, boolean hungUp) {
}
