package dev.switchboard.media;

import dev.switchboard.media.audio.DecodedAudio;
import dev.switchboard.media.audio.Mp3Decoder;
import dev.switchboard.media.audio.OggDecoder;
import dev.switchboard.media.audio.WavDecoder;
import dev.switchboard.media.audio.WavEncoder;
import java.util.Locale;

/**
 * Converts uploaded audio to what calls play: 8 kHz mono 16-bit PCM WAV. Used by the API on media upload, so a file
 * that cannot be decoded is refused there, with a reason, and never fails a call later.
 */
public final class AudioImport {
    private AudioImport() {
    }

    /**
     * Decodes WAV (any common rate, width and encoding), MP3 or Ogg and returns a normalised WAV.
     *
     * @param contentTypeOrName the upload's content type or file name; used only when the bytes themselves do not say
     *                          what they are
     * @throws AudioFormatException "file is empty", "not a WAV, MP3 or Ogg file", "unsupported WAV encoding 0x0055"…
     */
    public static byte[] toPcm(byte[] bytes, String contentTypeOrName) throws AudioFormatException {
        return WavEncoder.encode(decode(bytes, contentTypeOrName).toNarrowband());
    }

    /** Decodes WAV, MP3 or Ogg without resampling: what {@link #toPcm} starts from. */
    public static DecodedAudio decode(byte[] bytes, String contentTypeOrName) throws AudioFormatException {
        if (bytes == null || bytes.length == 0) {
            throw new AudioFormatException("file is empty");
        }
        if (WavDecoder.looksLikeWav(bytes)) {
            return WavDecoder.decode(bytes);
        }
        if (OggDecoder.looksLikeOgg(bytes)) {
            return OggDecoder.decode(bytes);
        }
        if (Mp3Decoder.looksLikeMp3(bytes) || declaresMp3(contentTypeOrName)) {
            return Mp3Decoder.decode(bytes);
        }
        throw new AudioFormatException("not a WAV, MP3 or Ogg file" + describe(contentTypeOrName));
    }

    private static boolean declaresMp3(String contentTypeOrName) {
        if (contentTypeOrName == null) {
            return false;
        }
        String s = contentTypeOrName.toLowerCase(Locale.ROOT);
        return s.endsWith(".mp3") || s.equals("audio/mpeg") || s.equals("audio/mp3");
    }

    private static String describe(String contentTypeOrName) {
        return contentTypeOrName == null || contentTypeOrName.isBlank() ? "" : " (" + contentTypeOrName + ")";
    }
}
