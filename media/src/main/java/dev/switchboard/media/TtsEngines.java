package dev.switchboard.media;

import dev.switchboard.media.tts.CachingTts;
import dev.switchboard.media.tts.EspeakNgTts;
import dev.switchboard.media.tts.FliteTts;
import dev.switchboard.media.tts.FormantTts;
import java.nio.file.Path;

/** Picks the best text-to-speech engine this machine has. */
public final class TtsEngines {
    private TtsEngines() {
    }

    /**
     * espeak-ng when installed, else flite, else the pure-Java formant synthesizer (so a fresh machine still speaks);
     * wrapped in a disk cache keyed by engine, text, language and voice.
     */
    public static TtsEngine best(Path cacheDirectory) {
        return new CachingTts(bestUncached(), cacheDirectory);
    }

    /** The same choice without a cache. */
    public static TtsEngine bestUncached() {
        if (EspeakNgTts.available()) {
            return new EspeakNgTts();
        }
        if (FliteTts.available()) {
            return new FliteTts();
        }
        return new FormantTts();
    }

    /** The pure-Java engine, whatever is installed. */
    public static TtsEngine fallback() {
        return new FormantTts();
    }
}
