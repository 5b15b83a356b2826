package dev.switchboard.media.tts;

import dev.switchboard.media.TtsEngine;
import java.io.IOException;

/** The pure-Java fallback synthesizer. */
public final class FormantTts implements TtsEngine {
    @Override
    public short[] synthesize(String text, String language, String voice) throws IOException {
        throw new IOException("the pure-Java synthesizer is not written yet");
    }

    @Override
    public String name() {
        return "formant";
    }
}
