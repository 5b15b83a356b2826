package dev.switchboard.core.actions;

import java.util.List;
import java.util.Optional;

import dev.switchboard.core.call.CallHungUp;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.ActionContext;
import tools.jackson.databind.node.ObjectNode;

/**
 * Greetings and the recorded name (spec §6.76 "Check" step 7): recorded with the review cycle into a media
 * document (audio attached as {@code audio}) that the box — or, for the name, its owner — points to.
 */
final class VoicemailGreetings {
    /** What is recorded, the prompt that asks for it, and what the media is called. */
    enum Kind {
        UNAVAILABLE("vm-record_greeting", "unavailable greeting"),
        TEMPORARY("vm-record_temp_greeting", "temporary unavailable greeting"),
        NAME("vm-record_name", "users name");

        private final String prompt;
        private final String label;

        Kind(String prompt, String label) {
            this.prompt = prompt;
            this.label = label;
        }
    }

    private static final String MEDIA = "media";

    private final ActionContext ctx;

    VoicemailGreetings(ActionContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Records and, when the caller keeps it, stores it; a media document this box recorded before is reused, one
     * uploaded through the API is left alone (it may serve elsewhere).
     *
     * @return true when stored
     */
    boolean record(VoicemailBox box, Kind kind) {
        VoicemailRecorder recorder = new VoicemailRecorder(ctx, box);
        VoicemailRecorder.Take take = recorder.record(List.of(VoicemailPrompts.prompt(kind.prompt)), false);
        if (take.choice() == VoicemailRecorder.Choice.HUNG_UP) {
            throw new CallHungUp();
        }
        if (take.choice() != VoicemailRecorder.Choice.SAVE) {
            VoicemailPrompts.tell(ctx.call(), "vm-deleted");
            return false;
        }
        String mediaId = reusable(current(box, kind)).orElse(take.id());
        recorder.keep(take, mediaId);
        ObjectNode media = ctx.documents().get(MEDIA, mediaId).map(d -> d.body().deepCopy()).orElse(Json.object())
                .put("name", "mailbox " + box.number(ctx) + " " + kind.label)
                .put("description", "voicemail recorded/prompt media")
                .put("source_type", "voicemail")
                .put("source_id", box.id())
                .put("media_source", "recording")
                .put("streamable", true)
                .put("content_type", take.recording().contentType())
                .put("content_length", take.recording().audio().length);
        if (box.ownerId() != null) {
            media.put("owner_id", box.ownerId());
        }
        ctx.documents().save(MEDIA, mediaId, media);
        point(box, kind, mediaId);
        ctx.event("voicemail:recorded:" + kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + mediaId);
        VoicemailPrompts.tell(ctx.call(), "vm-saved");
        return true;
    }

    /** Goes back to the usual greeting; nothing is said when there was no temporary one. */
    void deleteTemporary(VoicemailBox box) {
        if (box.temporaryMedia().isEmpty()) {
            return;
        }
        ObjectNode body = fresh(VoicemailBox.TYPE, box.document());
        if (body.get(MEDIA) instanceof ObjectNode media) {
            media.remove("temporary_unavailable");
        }
        ctx.documents().save(VoicemailBox.TYPE, box.id(), body);
        ctx.event("voicemail:temporary_greeting_deleted");
        VoicemailPrompts.tell(ctx.call(), "vm-saved");
    }

    /** The media id the box (or its owner, for the name) uses now, or "". */
    private String current(VoicemailBox box, Kind kind) {
        return switch (kind) {
            case UNAVAILABLE -> box.unavailableMedia();
            case TEMPORARY -> box.temporaryMedia();
            case NAME -> box.owner(ctx).map(u -> u.body().path(MEDIA).path("name").asString(""))
                    .filter(n -> !n.isEmpty())
                    .orElse(box.document().body().path(MEDIA).path("name").asString(""));
        };
    }

    private Optional<String> reusable(String mediaId) {
        return ctx.documents().get(MEDIA, mediaId.isEmpty() ? null : mediaId)
                .filter(d -> d.body().path("media_source").asString("").equals("recording"))
                .map(Document::id);
    }

    private void point(VoicemailBox box, Kind kind, String mediaId) {
        Optional<Document> owner = kind == Kind.NAME ? box.owner(ctx) : Optional.empty();
        Document target = owner.orElse(box.document());
        ObjectNode body = fresh(target.type(), target);
        ObjectNode media = body.get(MEDIA) instanceof ObjectNode m ? m : body.putObject(MEDIA);
        media.put(switch (kind) {
            case UNAVAILABLE -> "unavailable";
            case TEMPORARY -> "temporary_unavailable";
            case NAME -> "name";
        }, mediaId);
        ctx.documents().save(target.type(), target.id(), body);
    }

    private ObjectNode fresh(String type, Document doc) {
        return ctx.documents().get(type, doc.id()).orElse(doc).body().deepCopy();
    }
}
