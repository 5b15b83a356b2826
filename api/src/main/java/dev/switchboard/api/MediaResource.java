package dev.switchboard.api;

import java.util.List;
import java.util.TreeSet;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentKind;
import dev.switchboard.core.doc.ListQuery;
import dev.switchboard.core.doc.Json;
import io.javalin.http.HandlerType;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The audio of media documents, and the prompt and language listings. */
final class MediaResource {
    private static final String BASE = "/v2/accounts/{account_id}/media";

    private final DocumentService documents;
    private final RawAudio raw;

    MediaResource(DocumentService documents, RawAudio raw) {
        this.documents = documents;
        this.raw = raw;
    }

    List<Route> routes() {
        return List.of(
                new Route(HandlerType.GET, BASE + "/prompts", "media", "Media that replace system prompts",
                        Route.Access.ACCOUNT, null, this::prompts),
                new Route(HandlerType.GET, BASE + "/languages", "media", "Languages of the account's media",
                        Route.Access.ACCOUNT, null, this::languages),
                new Route(HandlerType.GET, BASE + "/{id}/raw", "media", "Download the audio", Route.Access.ACCOUNT,
                        null, s -> {
                            documents.get(s.accountId(), DocumentKind.MEDIA, s.pathParam("id"));
                            raw.download(s, s.pathParam("id"));
                        }),
                new Route(HandlerType.POST, BASE + "/{id}/raw", "media", "Upload the audio (WAV, MP3, Ogg)",
                        Route.Access.ACCOUNT, null, this::upload),
                new Route(HandlerType.PUT, BASE + "/{id}/raw", "media", "Upload the audio (WAV, MP3, Ogg)",
                        Route.Access.ACCOUNT, null, this::upload));
    }

    private void upload(RequestScope s) {
        s.requireAdmin();
        String id = s.pathParam("id");
        documents.get(s.accountId(), DocumentKind.MEDIA, id);
        AudioImporter.Imported audio = raw.upload(s, id);
        ObjectNode change = Json.object().put("content_type", audio.contentType())
                .put("content_length", audio.bytes().length);
        Document updated = documents.patch(s.accountId(), DocumentKind.MEDIA, id, change, null);
        Envelope.ok(s.ctx(), DocumentService.render(updated), updated.rev());
    }

    private void prompts(RequestScope s) {
        ArrayNode rows = Json.array();
        for (Document d : documents.list(s.accountId(), DocumentKind.MEDIA, ListQuery.all()).documents()) {
            if (d.body().has("prompt_id")) {
                rows.add(documents.rules(DocumentKind.MEDIA).listing(d, documents.store()));
            }
        }
        Envelope.ok(s.ctx(), rows);
    }

    private void languages(RequestScope s) {
        TreeSet<String> languages = new TreeSet<>();
        for (Document d : documents.list(s.accountId(), DocumentKind.MEDIA, ListQuery.all()).documents()) {
            languages.add(d.body().path("language").asString("en-us").toLowerCase(java.util.Locale.ROOT));
        }
        ArrayNode rows = Json.array();
        languages.forEach(rows::add);
        Envelope.ok(s.ctx(), rows);
    }
}
