package dev.switchboard.server;

import dev.switchboard.api.AudioImporter;
import dev.switchboard.media.AudioFormatException;
import dev.switchboard.media.AudioImport;

/**
 * Uploads are decoded by the media engine and stored as the 8 kHz WAV calls play, so a file that cannot be decoded
 * is refused at upload with the decoder's reason, never on a call.
 */
final class MediaAudioImporter implements AudioImporter {
    @Override
    public Imported accept(byte[] bytes, String sniffedType) {
        if (sniffedType.equals("audio/ogg")) {
            throw new IllegalArgumentException("Ogg audio cannot be played on calls; upload WAV or MP3");
        }
        try {
            return new Imported(AudioImport.toPcm(bytes, sniffedType), "audio/wav");
        } catch (AudioFormatException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }
}
