package dev.switchboard.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.doc.DocumentKind;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.doc.ListQuery;
import io.javalin.http.HandlerType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Voicemail messages of a box (spec §9.1): each a {@code mailbox_message} document with its audio attached.
 * Deleting moves a message to the {@code deleted} folder, as KAZOO does; it stays until purged, at once with
 * {@code ?purge=true} or by the retention job later.
 */
final class VmboxMessageResource {
    private static final String BOX = "/v2/accounts/{account_id}/vmboxes/{id}";
    private static final String MESSAGE = BOX + "/messages/{message_id}";
    private static final Set<String> FOLDERS = Set.of("new", "saved", "deleted");

    private final DocumentService documents;
    private final RawAudio raw;
    private final boolean storeAsMp3;

    VmboxMessageResource(DocumentService documents, RawAudio raw, boolean storeAsMp3) {
        this.documents = documents;
        this.raw = raw;
        this.storeAsMp3 = storeAsMp3;
    }

    List<Route> routes() {
        String tag = "vmboxes";
        return List.of(
                new Route(HandlerType.GET, "/v2/accounts/{account_id}/vmboxes/messages", tag,
                        "Messages of every box, newest first (?folder=new|saved|deleted)", Route.Access.ACCOUNT, null,
                        this::allMessages),
                new Route(HandlerType.GET, BOX + "/messages", tag, "Messages of a box, newest first",
                        Route.Access.ACCOUNT, null, this::list),
                new Route(HandlerType.PUT, BOX + "/messages", tag, "Add a message (then PUT its raw audio)",
                        Route.Access.ACCOUNT, "mailbox_messages", this::create),
                new Route(HandlerType.POST, BOX + "/messages", tag,
                        "Move messages: data {folder, messages: [ids]} (all when messages is absent)",
                        Route.Access.ACCOUNT, null, this::moveMany),
                new Route(HandlerType.DELETE, BOX + "/messages", tag,
                        "Move messages to the deleted folder: data {messages: [ids]} (all when absent); "
                                + "?purge=true removes them and their audio",
                        Route.Access.ACCOUNT, null, this::deleteMany),
                new Route(HandlerType.POST, BOX + "/messages/raw", tag,
                        "Download the audio of messages as one zip file: data {messages: [ids]}",
                        Route.Access.ACCOUNT, null, this::zip),
                new Route(HandlerType.GET, MESSAGE, tag, "One message", Route.Access.ACCOUNT, null,
                        s -> Envelope.ok(s.ctx(), DocumentService.render(message(s)))),
                new Route(HandlerType.POST, MESSAGE, tag, "Move a message: data {folder}", Route.Access.ACCOUNT,
                        null, this::moveOne),
                new Route(HandlerType.DELETE, MESSAGE, tag,
                        "Move a message to the deleted folder; ?purge=true removes it and its audio",
                        Route.Access.ACCOUNT, null, s -> {
                            s.requireAdmin();
                            Envelope.ok(s.ctx(), DocumentService.render(delete(s, message(s))));
                        }),
                new Route(HandlerType.GET, MESSAGE + "/raw", tag,
                        "Download a message's audio as stored (WAV), or MP3 with ?format=mp3 or Accept: audio/mpeg",
                        Route.Access.ACCOUNT, null, s -> raw.download(s, message(s).id())),
                new Route(HandlerType.PUT, MESSAGE + "/raw", tag, "Upload a message's audio (WAV, MP3, Ogg)",
                        Route.Access.ACCOUNT, null, this::upload));
    }

    private Document box(RequestScope s) {
        return documents.get(s.accountId(), DocumentKind.VMBOX, s.pathParam("id"));
    }

    private Document message(RequestScope s) {
        Document box = box(s);
        Document message = documents.get(s.accountId(), DocumentKind.MAILBOX_MESSAGE, s.pathParam("message_id"));
        if (!message.body().path("source_id").asString("").equals(box.id())) {
            throw ApiException.badIdentifier(message.id());
        }
        return message;
    }

    private List<Document> messagesOf(RequestScope s, String boxId) {
        return documents.store().findByIndex(s.accountId(), DocumentIndexes.MESSAGE_VMBOX, boxId).stream()
                .filter(m -> m.type().equals(DocumentKind.MAILBOX_MESSAGE.type()))
                .sorted(Comparator.comparingLong((Document m) -> m.body().path("timestamp").asLong(0)).reversed())
                .toList();
    }

    private void list(RequestScope s) {
        String folder = folderFilter(s);
        ArrayNode rows = Json.array();
        messagesOf(s, box(s).id()).stream()
                .filter(m -> folder == null || folder.equals(m.body().path("folder").asString()))
                .forEach(m -> rows.add(DocumentService.render(m)));
        Envelope.ok(s.ctx(), rows);
    }

    private void allMessages(RequestScope s) {
        String folder = folderFilter(s);
        ArrayNode rows = Json.array();
        documents.list(s.accountId(), DocumentKind.VMBOX, ListQuery.all()).documents().stream()
                .flatMap(box -> messagesOf(s, box.id()).stream())
                .filter(m -> folder == null || folder.equals(m.body().path("folder").asString()))
                .sorted(Comparator.comparingLong((Document m) -> m.body().path("timestamp").asLong(0)).reversed())
                .forEach(m -> rows.add(DocumentService.render(m)));
        Envelope.ok(s.ctx(), rows);
    }

    private static String folderFilter(RequestScope s) {
        String folder = s.ctx().queryParam("folder");
        if (folder != null && !FOLDERS.contains(folder)) {
            throw ApiException.invalid("folder", "enum", "Value not found in enumerated list of values: new, saved, deleted");
        }
        return folder;
    }

    private void create(RequestScope s) {
        s.requireAdmin();
        Document box = box(s);
        ObjectNode data = RequestBody.data(s.ctx());
        data.put("source_id", box.id());
        if (!data.has("folder")) {
            data.put("folder", "new");
        }
        if (!data.has("timestamp")) {
            data.put("timestamp", documents.clock().instant().getEpochSecond() + Document.GREGORIAN_UNIX_OFFSET);
        }
        Document created = documents.create(s.accountId(), DocumentKind.MAILBOX_MESSAGE, data);
        ObjectNode withMedia = Json.object().put("media_id", created.id());
        Document updated = documents.patch(s.accountId(), DocumentKind.MAILBOX_MESSAGE, created.id(), withMedia, null);
        s.ctx().header("Location", s.ctx().path() + "/" + updated.id());
        Envelope.send(s.ctx(), 201, Envelope.success(s.ctx(), DocumentService.render(updated)));
    }

    private void moveOne(RequestScope s) {
        s.requireAdmin();
        Envelope.ok(s.ctx(), DocumentService.render(move(s, message(s), folder(RequestBody.data(s.ctx())))));
    }

    private void moveMany(RequestScope s) {
        s.requireAdmin();
        ObjectNode data = RequestBody.data(s.ctx());
        moveSelected(s, data, folder(data));
    }

    private void deleteMany(RequestScope s) {
        s.requireAdmin();
        ObjectNode data = RequestBody.present(s.ctx()) ? RequestBody.data(s.ctx()) : Json.object();
        if (!purge(s)) {
            moveSelected(s, data, "deleted");
            return;
        }
        ArrayNode purged = Json.array();
        selected(s, data).forEach(m -> purged.add(delete(s, m).id()));
        Envelope.ok(s.ctx(), Json.object().put("purged", true).set("messages", purged));
    }

    private void moveSelected(RequestScope s, ObjectNode data, String folder) {
        ArrayNode moved = Json.array();
        for (Document m : selected(s, data)) {
            move(s, m, folder);
            moved.add(m.id());
        }
        Envelope.ok(s.ctx(), Json.object().put("folder", folder).set("messages", moved));
    }

    /** The box's messages that {@code data.messages} names, or all of them when it names none. */
    private List<Document> selected(RequestScope s, ObjectNode data) {
        JsonNode wanted = data.get("messages");
        boolean ids = wanted == null || wanted.isArray() && wanted.valueStream().allMatch(JsonNode::isString);
        if (!ids) {
            throw ApiException.invalid("messages", "type", "Value did not match type(s): array of message ids");
        }
        return messagesOf(s, box(s).id()).stream()
                .filter(m -> wanted == null || wanted.valueStream().anyMatch(id -> id.asString().equals(m.id())))
                .toList();
    }

    private static boolean purge(RequestScope s) {
        String purge = s.ctx().queryParam("purge");
        if (purge != null && !purge.equals("true") && !purge.equals("false")) {
            throw ApiException.invalid("purge", "type", "Value did not match type(s): boolean");
        }
        return "true".equals(purge);
    }

    /** To the deleted folder, or gone with its audio when the request says {@code purge=true}. */
    private Document delete(RequestScope s, Document message) {
        if (!purge(s)) {
            return move(s, message, "deleted");
        }
        Document gone = documents.delete(s.accountId(), DocumentKind.MAILBOX_MESSAGE, message.id(), null);
        raw.remove(s.accountId(), message.id());
        return gone;
    }

    /** The audio of the messages named, in a zip file, each as {@code <id>.<wav|mp3|ogg>}. */
    private void zip(RequestScope s) {
        ObjectNode data = RequestBody.data(s.ctx());
        if (!data.path("messages").isArray() || data.path("messages").isEmpty()) {
            throw ApiException.invalid("messages", "required", "Field is required but missing: array of message ids");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Document m : selected(s, data)) {
                var audio = raw.stored(s.accountId(), m.id());
                if (audio.isPresent()) {
                    String type = audio.get().contentType();
                    zip.putNextEntry(new ZipEntry(m.id() + (type.contains("mpeg") ? ".mp3"
                            : type.contains("ogg") ? ".ogg" : ".wav")));
                    zip.write(audio.get().bytes());
                    zip.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        s.ctx().status(200).contentType("application/zip")
                .header("Content-Disposition", "attachment; filename=\"voicemail.zip\"").result(bytes.toByteArray());
    }

    private Document move(RequestScope s, Document message, String folder) {
        return documents.patch(s.accountId(), DocumentKind.MAILBOX_MESSAGE, message.id(),
                Json.object().put("folder", folder), null);
    }

    private static String folder(ObjectNode data) {
        String folder = data.path("folder").asString("");
        if (!FOLDERS.contains(folder)) {
            throw ApiException.invalid("folder", "enum", "Value not found in enumerated list of values: new, saved, deleted");
        }
        return folder;
    }

    private void upload(RequestScope s) {
        s.requireAdmin();
        Document message = message(s);
        String type = raw.upload(s, message.id(), storeAsMp3).contentType();
        Document updated = documents.patch(s.accountId(), DocumentKind.MAILBOX_MESSAGE, message.id(),
                Json.object().put("content_type", type), null);
        Envelope.ok(s.ctx(), DocumentService.render(updated));
    }
}
