package dev.switchboard.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A finished recording: 8 kHz mono 16-bit PCM WAV.
 *
 * @param wav      the WAV bytes when no target file was given, else empty
 * @param file     the target file, written and fsynced
 * @param duration the audio recorded
 * @param reason   why it ended
 * @param key      the terminating key, for {@link EndReason#KEY}
 */
public record RecordingResult(Optional<byte[]> wav, Optional<Path> file, Duration duration, EndReason reason,
                              Optional<Character> key) {

    public enum EndReason { MAX_LENGTH, SILENCE, KEY, STOPPED, SESSION_CLOSED }
}
