package dev.switchboard.media.tts;

import dev.switchboard.media.TtsEngine;
import dev.switchboard.media.audio.WavDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A TTS engine that runs a Debian binary writing a WAV file, then reads it back resampled to 8 kHz. */
abstract class ExternalTts implements TtsEngine {
    private static final long TIMEOUT_SECONDS = 60;

    /** The command line that speaks {@code text} into {@code wav}. */
    abstract List<String> command(String text, String language, String voice, Path wav);

    static boolean onPath(String binary) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, binary))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public short[] synthesize(String text, String language, String voice) throws IOException {
        Path wav = Files.createTempFile("switchboard-tts-", ".wav");
        try {
            Process process = new ProcessBuilder(command(text, language, voice, wav))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly();
                throw new IOException(name() + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException(name() + " failed with exit code " + process.exitValue());
            }
            return WavDecoder.decode(Files.readAllBytes(wav)).toNarrowband();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(name() + " was interrupted", e);
        } finally {
            Files.deleteIfExists(wav);
        }
    }
}
