package dev.switchboard.media.tts;

import dev.switchboard.media.TtsEngine;
import dev.switchboard.media.audio.ExternalTools;
import dev.switchboard.media.audio.WavDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A TTS engine that runs a Debian binary writing a WAV file, then reads it back resampled to 8 kHz. */
abstract class ExternalTts implements TtsEngine {
    private static final long TIMEOUT_SECONDS = 60;

    /** The command line that speaks {@code text} into {@code wav}. */
    abstract List<String> command(String text, String language, String voice, Path wav);

    @Override
    public short[] synthesize(String text, String language, String voice) throws IOException {
        Path wav = Files.createTempFile("switchboard-tts-", ".wav");
        try {
            ExternalTools.run(command(text, language, voice, wav), TIMEOUT_SECONDS);
            return WavDecoder.decode(Files.readAllBytes(wav)).toNarrowband();
        } finally {
            Files.deleteIfExists(wav);
        }
    }
}
