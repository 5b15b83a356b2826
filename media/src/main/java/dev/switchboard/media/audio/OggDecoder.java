package dev.switchboard.media.audio;

import dev.switchboard.media.AudioFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Decodes Ogg (Vorbis) audio, which the media API accepts, through Debian's sox: no maintained pure-Java Vorbis
 * decoder with a permissive licence exists on Maven Central (JOrbis is LGPL and unmaintained).
 */
public final class OggDecoder {
    private static final long SOX_TIMEOUT_SECONDS = 120;

    private OggDecoder() {
    }

    public static boolean looksLikeOgg(byte[] bytes) {
        return bytes.length >= 4 && new String(bytes, 0, 4, StandardCharsets.US_ASCII).equals("OggS");
    }

    public static DecodedAudio decode(byte[] bytes) throws AudioFormatException {
        if (!ExternalTools.onPath("sox")) {
            throw new AudioFormatException("Ogg audio needs the sox decoder, which is not installed; upload MP3 or"
                    + " WAV");
        }
        try {
            Path ogg = Files.createTempFile("switchboard-", ".ogg");
            Path wav = Files.createTempFile("switchboard-", ".wav");
            try {
                Files.write(ogg, bytes);
                ExternalTools.run(List.of("sox", "-q", ogg.toString(), "-t", "wav", "-e", "signed-integer", "-b",
                        "16", wav.toString()), SOX_TIMEOUT_SECONDS);
                return WavDecoder.decode(Files.readAllBytes(wav));
            } finally {
                Files.deleteIfExists(ogg);
                Files.deleteIfExists(wav);
            }
        } catch (AudioFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new AudioFormatException("Ogg file cannot be decoded: " + e.getMessage(), e);
        }
    }
}
