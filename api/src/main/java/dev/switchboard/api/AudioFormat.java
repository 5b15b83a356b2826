package dev.switchboard.api;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Recognises the audio containers we accept by their first bytes, whatever the client claims. */
final class AudioFormat {
    private AudioFormat() {
    }

    /** The content type the bytes really are, or empty when they are not WAV, MP3 or Ogg audio. */
    static Optional<String> sniff(byte[] b) {
        if (b.length >= 12 && ascii(b, 0, 4).equals("RIFF") && ascii(b, 8, 4).equals("WAVE")) {
            return Optional.of("audio/wav");
        }
        if (b.length >= 3 && ascii(b, 0, 3).equals("ID3")) {
            return Optional.of("audio/mpeg");
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0) {
            return Optional.of("audio/mpeg");
        }
        if (b.length >= 4 && ascii(b, 0, 4).equals("OggS")) {
            return Optional.of("audio/ogg");
        }
        return Optional.empty();
    }

    private static String ascii(byte[] b, int from, int length) {
        return new String(b, from, length, StandardCharsets.US_ASCII);
    }
}
