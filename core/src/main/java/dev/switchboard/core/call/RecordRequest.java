package dev.switchboard.core.call;

import java.time.Duration;

/**
 * Record what the caller says.
 *
 * @param maxLength      recording stops here
 * @param silence        stops after this much silence; null = never
 * @param beep           play a beep first
 * @param terminators    keys that stop the recording
 * @param format         "wav" or "mp3"
 */
public record RecordRequest(Duration maxLength, Duration silence, boolean beep, String terminators, String format) {
}
