package dev.switchboard.media.tts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.switchboard.media.Signals;
import dev.switchboard.media.TtsEngine;
import dev.switchboard.media.TtsEngines;
import dev.switchboard.media.dtmf.Goertzel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TtsEnginesTest {
    private static final String PROMPT = "Please enter your pin, followed by the pound key.";

    @Test
    void theFallbackSpeaksWithoutAnyInstalledEngine() throws Exception {
        short[] speech = TtsEngines.fallback().synthesize(PROMPT, "en-us", null);
        assertSpeechLike(speech);
    }

    @Test
    void theFallbackSaysLongerTextsForLonger() throws Exception {
        TtsEngine engine = TtsEngines.fallback();
        short[] shortText = engine.synthesize("one", "en-us", null);
        short[] longText = engine.synthesize("one two three four five six", "en-us", null);
        assertThat(longText.length).isGreaterThan(3 * shortText.length / 2);
        assertThat(engine.synthesize("one", "en-us", null)).isEqualTo(shortText);
    }

    @Test
    void espeakNgSpeaksWhenInstalled() throws Exception {
        assumeTrue(EspeakNgTts.available(), "espeak-ng is installed by bin/switchboard test");
        TtsEngine engine = new EspeakNgTts();
        assertSpeechLike(engine.synthesize(PROMPT, "en-us", null));
        assertThat(TtsEngines.bestUncached().name()).isEqualTo("espeak-ng");
    }

    @Test
    void theCacheKeepsWhatWasSaid(@TempDir Path dir) throws Exception {
        int[] calls = {0};
        TtsEngine counting = new TtsEngine() {
            @Override
            public short[] synthesize(String text, String language, String voice) {
                calls[0]++;
                return new FormantTts().synthesize(text, language, voice);
            }

            @Override
            public String name() {
                return "counting";
            }
        };
        CachingTts cache = new CachingTts(counting, dir);
        short[] first = cache.synthesize("goodbye", "en-us", null);
        short[] second = cache.synthesize("goodbye", "en-us", null);
        cache.synthesize("goodbye", "en-us", "female");
        assertThat(second).isEqualTo(first);
        assertThat(calls[0]).isEqualTo(2);
        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> f.toString().endsWith(".wav")).count()).isEqualTo(2);
        }
    }

    /** Energy in the telephone band, and a level that changes from syllable to syllable (not a steady tone). */
    static void assertSpeechLike(short[] speech) {
        assertThat(speech.length).as("at least a second of audio").isGreaterThan(8000);
        double inBand = 0;
        double outOfBand = 0;
        for (int offset = 0; offset + 400 <= speech.length; offset += 400) {
            for (int f = 100; f < 4000; f += 100) {
                double p = Goertzel.power(speech, offset, 400, f, 8000);
                if (f >= 300 && f <= 3400) {
                    inBand += p;
                } else {
                    outOfBand += p;
                }
            }
        }
        assertThat(inBand).isGreaterThan(3 * outOfBand);
        double[] levels = new double[speech.length / 800];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = Signals.rms(speech, i * 800, 800);
        }
        double max = java.util.Arrays.stream(levels).max().orElseThrow();
        long quiet = java.util.Arrays.stream(levels).filter(l -> l < max / 4).count();
        long loud = java.util.Arrays.stream(levels).filter(l -> l > max / 2).count();
        assertThat(max).isGreaterThan(1000);
        assertThat(quiet).as("pauses between words").isGreaterThan(0);
        assertThat(loud).as("syllables").isGreaterThan(2);
        int[] dominant = new int[levels.length];
        for (int i = 0; i < levels.length; i++) {
            dominant[i] = Signals.dominantFrequency(speech, i * 800, 800);
        }
        assertThat(java.util.Arrays.stream(dominant).distinct().count()).as("a changing spectrum")
                .isGreaterThan(3);
    }
}
