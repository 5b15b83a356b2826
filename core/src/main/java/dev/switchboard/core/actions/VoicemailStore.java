package dev.switchboard.core.actions;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import dev.switchboard.core.call.Media;
import dev.switchboard.core.call.Party;
import dev.switchboard.core.doc.AttachmentStore;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.ActionContext;
import tools.jackson.databind.node.ObjectNode;

/**
 * Voicemail messages in the account's documents, in the shape the REST API uses: a {@code mailbox_message}
 * document (folder new, saved or deleted) whose own id names the media, with the audio attached as
 * {@value #AUDIO}. The audio is written before the document, so a listed message always has its audio.
 */
final class VoicemailStore {
    static final String TYPE = "mailbox_message";
    static final String AUDIO = "audio";
    static final String NEW = "new";
    static final String SAVED = "saved";
    static final String DELETED = "deleted";

    private final ActionContext ctx;

    VoicemailStore(ActionContext ctx) {
        this.ctx = ctx;
    }

    /** A fresh message id: recorded audio can be attached to it before the message exists. */
    static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    static String folder(Document message) {
        return message.body().path("folder").asString(NEW);
    }

    /** The box's messages of a folder, newest first. */
    List<Document> messages(String boxId, String folder) {
        return ctx.documents().find(DocumentIndexes.MESSAGE_VMBOX, boxId).stream()
                .filter(m -> m.type().equals(TYPE) && folder(m).equals(folder))
                .sorted(Comparator.comparingLong((Document m) -> m.body().path("timestamp").asLong(0)).reversed())
                .toList();
    }

    int count(String boxId, String folder) {
        return messages(boxId, folder).size();
    }

    /** The message's audio, to be played. */
    Media audio(String messageId) {
        return new Media.Stored(ctx.accountId(), messageId);
    }

    /** Attaches recorded audio to a message id (or replaces it), ahead of the message itself. */
    void attachAudio(String messageId, String contentType, byte[] audio) {
        ctx.documents().putAttachment(messageId, AUDIO, contentType, audio);
    }

    /**
     * Writes the message of audio already attached to {@code messageId}, in the new folder, with the content type
     * read back from the store: the document describes the audio as committed, not as recorded.
     *
     * @throws IllegalStateException when no audio is attached: a message is never listed without its audio
     */
    Document create(String messageId, VoicemailBox box, long lengthMs, Party caller) {
        String contentType = ctx.documents().attachment(messageId, AUDIO).map(AttachmentStore.Attachment::contentType)
                .orElseThrow(() -> new IllegalStateException("no audio stored for message " + messageId));
        String realm = ctx.documents().account().body().path("realm").asString("");
        String at = realm.isEmpty() ? "" : "@" + realm;
        ObjectNode body = Json.object()
                .put("source_id", box.id())
                .put("folder", NEW)
                .put("timestamp", nowGregorian())
                .put("length", lengthMs)
                .put("caller_id_number", caller.number())
                .put("caller_id_name", caller.name())
                .put("call_id", ctx.call().info().callId())
                .put("media_id", messageId)
                .put("from", caller.number() + at)
                .put("to", ctx.call().info().dialled() + at)
                .put("content_type", contentType);
        if (ctx.state().callflowId() != null) {
            body.put("callflow_id", ctx.state().callflowId());
        }
        Document saved = ctx.documents().save(TYPE, messageId, body);
        ctx.event("voicemail:stored:" + messageId);
        return saved;
    }

    /** A copy of a message, audio first, as a new message of another box. */
    Document copy(Document message, VoicemailBox to) {
        String id = newId();
        AttachmentStore.Attachment audio = ctx.documents().attachment(message.id(), AUDIO).orElseThrow();
        attachAudio(id, audio.contentType(), audio.bytes());
        ObjectNode body = message.body().deepCopy()
                .put("source_id", to.id())
                .put("folder", NEW)
                .put("timestamp", nowGregorian())
                .put("media_id", id);
        Document saved = ctx.documents().save(TYPE, id, body);
        ctx.event("voicemail:stored:" + id);
        return saved;
    }

    Document move(Document message, String folder) {
        Document fresh = ctx.documents().get(TYPE, message.id()).orElse(message);
        Document moved = ctx.documents().save(TYPE, fresh.id(), fresh.body().deepCopy().put("folder", folder));
        ctx.event("voicemail:" + folder + ":" + message.id());
        return moved;
    }

    /** Tells the box owner's phones how many messages wait (MWI). */
    void publishWaiting(String boxId) {
        ctx.services().presence().messageWaiting(ctx.accountId(), boxId, count(boxId, NEW), count(boxId, SAVED));
    }

    private long nowGregorian() {
        return ctx.call().now().getEpochSecond() + Document.GREGORIAN_UNIX_OFFSET;
    }
}
