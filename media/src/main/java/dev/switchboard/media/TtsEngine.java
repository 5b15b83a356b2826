package dev.switchboard.media;

import java.io.IOException;

/** Turns text into speech. Implementations may block (a process, a synthesizer) and must be thread-safe. */
public interface TtsEngine {

    /**
     * Speaks {@code text}.
     *
     * @param language such as {@code en-us}; an engine without it uses its closest voice
     * @param voice    an engine-specific voice name, or null for the default ("female"/"male" are understood by all)
     * @return 8 kHz mono 16-bit samples
     */
    short[] synthesize(String text, String language, String voice) throws IOException;

    /** A short name for logs and metrics: espeak-ng, flite, formant. */
    String name();
}
