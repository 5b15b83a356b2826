package dev.switchboard.media;

import java.io.IOException;

/**
 * Something a session can play. A source is a description (a file, a tone, a prompt id…); {@link #open} turns it
 * into a stream of 8 kHz mono 16-bit samples. Sources are immutable and may be opened many times.
 */
@FunctionalInterface
public interface AudioSource {

    /**
     * Opens a new stream. May block (disk, HTTP, TTS); the engine calls it on a virtual thread, never on the clock.
     *
     * @throws IOException with a message a person can act on when the audio cannot be had
     */
    AudioStream open(AudioContext context) throws IOException;
}
