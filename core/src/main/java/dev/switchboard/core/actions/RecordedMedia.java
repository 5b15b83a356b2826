package dev.switchboard.core.actions;

import dev.switchboard.core.call.Recording;
import dev.switchboard.core.engine.AccountDocuments;
import tools.jackson.databind.node.ObjectNode;

/**
 * A recording kept in the account as a media document with its audio attached, where the media API serves and
 * {@link dev.switchboard.core.call.Media.Stored} plays it.
 */
final class RecordedMedia {
    /** The attachment that holds a media document's audio. */
    static final String ATTACHMENT = "audio";

    private RecordedMedia() {
    }

    /**
     * Saves {@code fields} as the media document {@code id} (a new one when null) with {@code media_source}
     * recording and the recording's content type and length, then attaches the audio.
     *
     * @return the media document's id
     */
    static String save(AccountDocuments docs, String id, ObjectNode fields, Recording recording) {
        ObjectNode body = fields.deepCopy();
        body.put("media_source", "recording");
        body.put("content_type", recording.contentType());
        body.put("content_length", recording.audio().length);
        String mediaId = docs.save("media", id, body).id();
        docs.putAttachment(mediaId, ATTACHMENT, recording.contentType(), recording.audio());
        return mediaId;
    }
}
