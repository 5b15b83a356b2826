package dev.switchboard.api;

import dev.switchboard.core.doc.AttachmentStore;
import dev.switchboard.core.doc.Json;

/** Upload and download of the audio attached to a document (media, voicemail messages). */
final class RawAudio {
    static final String ATTACHMENT = "audio";

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
        attachments.putAttachment(s.accountId(), docId, ATTACHMENT, audio.contentType(), audio.bytes());
        return audio;
    }

    private ApiException tooLarge(long length) {
        return new ApiException(413, "request_too_large",
                Json.object().put("message", "audio may be at most " + maxBytes + " bytes; this was " + length));
    }

    void download(RequestScope s, String docId) {
        AttachmentStore.Attachment audio = attachments.attachment(s.accountId(), docId, ATTACHMENT)
                .orElseThrow(() -> new ApiException(404, "bad_identifier",
                        Json.object().put("cause", docId).put("message", "no audio has been uploaded")));
        s.ctx().status(200).contentType(audio.contentType()).result(audio.bytes());
    }
}
