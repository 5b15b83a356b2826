package dev.switchboard.api;

/**
 * What becomes of uploaded audio before it is stored: checked that calls can play it, and possibly converted. The
 * server plugs in the media engine's decoder, so a file that cannot be decoded is refused at upload, never on a
 * call; the API alone stores what was sent.
 */
@FunctionalInterface
public interface AudioImporter {

    /** The audio to store. */
    record Imported(byte[] bytes, String contentType) {
    }

    /** Audio as sent: the container was recognised by its first bytes ({@code sniffedType}), nothing more. */
    AudioImporter AS_SENT = Imported::new;

    /**
     * @param sniffedType audio/wav, audio/mpeg or audio/ogg, as the bytes say
     * @throws IllegalArgumentException when the audio cannot be played, with a reason a person can act on
     */
    Imported accept(byte[] bytes, String sniffedType);
}
