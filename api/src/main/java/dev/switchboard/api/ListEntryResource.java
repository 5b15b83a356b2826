package dev.switchboard.api;

import java.util.List;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.doc.DocumentKind;
import dev.switchboard.core.doc.Json;
import io.javalin.http.HandlerType;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Entries of a match list, each a {@code list_entry} document pointing at its list. */
final class ListEntryResource {
    private static final String LIST = "/v2/accounts/{account_id}/lists/{id}";
    private static final String ENTRY = LIST + "/entries/{entry_id}";

    private final DocumentService documents;

    ListEntryResource(DocumentService documents) {
        this.documents = documents;
    }

    List<Route> routes() {
        String tag = "lists";
        return List.of(
                new Route(HandlerType.GET, LIST + "/entries", tag, "Entries of a list", Route.Access.ACCOUNT, null,
                        this::list),
                new Route(HandlerType.PUT, LIST + "/entries", tag, "Add an entry", Route.Access.ACCOUNT,
                        "list_entries", this::create),
                new Route(HandlerType.GET, ENTRY, tag, "One entry", Route.Access.ACCOUNT, null,
                        s -> respond(s, entry(s))),
                new Route(HandlerType.POST, ENTRY, tag, "Replace an entry", Route.Access.ACCOUNT, "list_entries",
                        s -> write(s, false)),
                new Route(HandlerType.PATCH, ENTRY, tag, "Change fields of an entry", Route.Access.ACCOUNT,
                        "list_entries", s -> write(s, true)),
                new Route(HandlerType.DELETE, ENTRY, tag, "Delete an entry", Route.Access.ACCOUNT, null, s -> {
                    s.requireAdmin();
                    Document entry = entry(s);
                    respond(s, documents.delete(s.accountId(), DocumentKind.LIST_ENTRY, entry.id(),
                            s.ctx().header("If-Match")));
                }));
    }

    private Document parentList(RequestScope s) {
        return documents.get(s.accountId(), DocumentKind.LIST, s.pathParam("id"));
    }

    private Document entry(RequestScope s) {
        Document list = parentList(s);
        Document entry = documents.get(s.accountId(), DocumentKind.LIST_ENTRY, s.pathParam("entry_id"));
        if (!entry.body().path("list_id").asString("").equals(list.id())) {
            throw ApiException.badIdentifier(entry.id());
        }
        return entry;
    }

    private void list(RequestScope s) {
        Document list = parentList(s);
        ArrayNode rows = Json.array();
        documents.store().findByIndex(s.accountId(), DocumentIndexes.LIST_ENTRY_LIST, list.id())
                .forEach(e -> rows.add(DocumentService.render(e)));
        Envelope.ok(s.ctx(), rows);
    }

    private void create(RequestScope s) {
        s.requireAdmin();
        Document list = parentList(s);
        ObjectNode data = RequestBody.data(s.ctx());
        data.put("list_id", list.id());
        Document created = documents.create(s.accountId(), DocumentKind.LIST_ENTRY, data);
        s.ctx().header("Location", s.ctx().path() + "/" + created.id());
        ObjectNode env = Envelope.success(s.ctx(), DocumentService.render(created));
        env.put("revision", created.rev());
        Envelope.send(s.ctx(), 201, env);
    }

    private void write(RequestScope s, boolean merge) {
        s.requireAdmin();
        Document entry = entry(s);
        ObjectNode data = RequestBody.data(s.ctx());
        data.put("list_id", entry.body().path("list_id").asString());
        String ifMatch = s.ctx().header("If-Match");
        Document saved = merge
                ? documents.patch(s.accountId(), DocumentKind.LIST_ENTRY, entry.id(), data, ifMatch)
                : documents.replace(s.accountId(), DocumentKind.LIST_ENTRY, entry.id(), data, ifMatch);
        respond(s, saved);
    }

    private static void respond(RequestScope s, Document entry) {
        Envelope.ok(s.ctx(), DocumentService.render(entry), entry.rev());
    }
}
