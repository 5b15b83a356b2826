package dev.switchboard.api;

import dev.switchboard.core.doc.AttachmentStore;
import dev.switchboard.core.doc.Json;

/** Upload and download of the audio attached to a document (media, voicemail messages). */
final class RawAudio {
    static final String ATTACHMENT = "audio";
    private static final String WAV = "audio/wav";
    private static final String MP3 = "audio/mpeg";

    private final AttachmentStore attachments;
    private final int maxBytes;
    private final AudioImporter importer;

    RawAudio(AttachmentStore attachments, int maxBytes, AudioImporter importer) {
        this.attachments = attachments;
        this.maxBytes = maxBytes;
        this.importer = importer;
    }

    /** Checks, imports and stores the request body; returns what was stored. */
    AudioImporter.Imported upload(RequestScope s, String docId) {
        return upload(s, docId, false);
    }

    /** Checks, imports and stores the request body, WAV encoded to MP3 first when {@code wavAsMp3}. */
    AudioImporter.Imported upload(RequestScope s, String docId, boolean wavAsMp3) {
        // read before judging (see RequestBody.envelope): the 413 must reach a client that is still sending
        byte[] bytes = s.ctx().bodyAsBytes();
        if (bytes.length == 0) {
            throw new ApiException(400, "invalid request body", Json.object().put("message", "no audio was sent"));
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(bytes.length);
        }
        String type = AudioFormat.sniff(bytes).orElseThrow(() -> new ApiException(415, "unsupported_media_type",
                Json.object().put("message", "the upload is not audio we can play: send WAV, MP3 or Ogg")));
        AudioImporter.Imported audio;
        try {
            audio = importer.accept(bytes, type);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "invalid_audio",
                    Json.object().put("message", "the audio cannot be played: " + e.getMessage()));
        }
        if (wavAsMp3 && audio.contentType().equals(WAV)) {
            byte[] mp3 = Mp3Encoder.fromWav(audio.bytes()).orElseThrow(() -> new ApiException(415,
                    "unsupported_media_type", Json.object().put("message", "the WAV file's audio encoding cannot be read")));
            audio = new AudioImporter.Imported(mp3, MP3);
        }
        attachments.putAttachment(s.accountId(), docId, ATTACHMENT, audio.contentType(), audio.bytes());
        return audio;
    }

    private ApiException tooLarge(long length) {
        return new ApiException(413, "request_too_large",
                Json.object().put("message", "audio may be at most " + maxBytes + " bytes; this was " + length));
    }

    void remove(String accountId, String docId) {
        attachments.deleteAttachment(accountId, docId, ATTACHMENT);
    }

    /** The audio as stored, if any, for bundling. */
    java.util.Optional<AttachmentStore.Attachment> stored(String accountId, String docId) {
        return attachments.attachment(accountId, docId, ATTACHMENT);
    }

    /**
     * The audio as stored, or as MP3 when the client asks ({@code ?format=mp3} or {@code Accept: audio/mpeg}):
     * WAV is encoded on the way out. Audio stored as MP3 is not decoded back to WAV.
     */
    void download(RequestScope s, String docId) {
        AttachmentStore.Attachment audio = attachments.attachment(s.accountId(), docId, ATTACHMENT)
                .orElseThrow(() -> new ApiException(404, "bad_identifier",
                        Json.object().put("cause", docId).put("message", "no audio has been uploaded")));
        String wanted = wanted(s);
        String stored = AudioFormat.sniff(audio.bytes()).orElse(audio.contentType());
        if (wanted == null || wanted.equals(stored)) {
            s.ctx().status(200).contentType(audio.contentType()).result(audio.bytes());
            return;
        }
        if (wanted.equals(MP3) && stored.equals(WAV)) {
            byte[] mp3 = Mp3Encoder.fromWav(audio.bytes()).orElseThrow(() -> notAvailable(stored, wanted));
            s.ctx().status(200).contentType(MP3).result(mp3);
            return;
        }
        throw notAvailable(stored, wanted);
    }

    /** The type the client asked for, or null for "as stored". */
    private static String wanted(RequestScope s) {
        String format = s.ctx().queryParam("format");
        if (format != null) {
            return switch (format.toLowerCase(java.util.Locale.ROOT)) {
                case "mp3" -> MP3;
                case "wav" -> WAV;
                default -> throw ApiException.invalid("format", "enum",
                        "Value not found in enumerated list of values: mp3, wav");
            };
        }
        String accept = s.ctx().header("Accept");
        if (accept != null && (accept.contains("audio/mpeg") || accept.contains("audio/mp3"))) {
            return MP3;
        }
        return accept != null && (accept.contains("audio/wav") || accept.contains("audio/x-wav")) ? WAV : null;
    }

    private static ApiException notAvailable(String stored, String wanted) {
        return new ApiException(406, "not_acceptable", Json.object().put("message",
                "the audio is stored as " + stored + " and cannot be given as " + wanted
                        + "; ask without a format for the stored audio"));
    }
}
