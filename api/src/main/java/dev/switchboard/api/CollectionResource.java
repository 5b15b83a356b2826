package dev.switchboard.api;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.switchboard.api.auth.Tokens;
import dev.switchboard.core.check.FlowLint;
import dev.switchboard.core.check.FlowWarning;
import dev.switchboard.core.doc.AttachmentStore;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentKind;
import dev.switchboard.core.doc.ListQuery;
import dev.switchboard.core.doc.Page;
import dev.switchboard.core.engine.StoreDocuments;
import io.javalin.http.HandlerType;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** List, create, read, replace, patch and delete for every plain collection of an account (spec §9.1). */
final class CollectionResource {
    static final Set<DocumentKind> COLLECTIONS = EnumSet.of(DocumentKind.CALLFLOW, DocumentKind.USER,
            DocumentKind.DEVICE, DocumentKind.VMBOX, DocumentKind.MEDIA, DocumentKind.MENU,
            DocumentKind.TEMPORAL_RULE, DocumentKind.TEMPORAL_RULE_SET, DocumentKind.GROUP, DocumentKind.CONFERENCE,
            DocumentKind.DIRECTORY, DocumentKind.FAXBOX, DocumentKind.LIST, DocumentKind.RESOURCE,
            DocumentKind.WEBHOOK, DocumentKind.PHONE_NUMBER);

    private final DocumentService documents;
    private final AttachmentStore attachments;
    private final Tokens tokens;
    private final FlowLint lint;

    CollectionResource(DocumentService documents, AttachmentStore attachments, Tokens tokens) {
        this.documents = documents;
        this.attachments = attachments;
        this.tokens = tokens;
        this.lint = new FlowLint(documents.validator());
    }

    List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (DocumentKind kind : COLLECTIONS) {
            String base = "/v2/accounts/{account_id}/" + kind.collection();
            String item = base + "/{id}";
            String tag = kind.collection();
            routes.add(new Route(HandlerType.GET, base, tag, "List " + kind.collection(), Route.Access.ACCOUNT, null,
                    s -> list(s, kind)));
            routes.add(new Route(HandlerType.PUT, base, tag, "Create a " + kind.type(), Route.Access.ACCOUNT,
                    kind.schema(), s -> create(s, kind)));
            routes.add(new Route(HandlerType.GET, item, tag, "Read a " + kind.type(), Route.Access.ACCOUNT, null,
                    s -> read(s, kind)));
            routes.add(new Route(HandlerType.POST, item, tag, "Replace a " + kind.type(), Route.Access.ACCOUNT,
                    kind.schema(), s -> replace(s, kind)));
            routes.add(new Route(HandlerType.PATCH, item, tag, "Change fields of a " + kind.type(),
                    Route.Access.ACCOUNT, kind.schema(), s -> patch(s, kind)));
            routes.add(new Route(HandlerType.DELETE, item, tag, "Delete a " + kind.type(), Route.Access.ACCOUNT,
                    null, s -> delete(s, kind)));
        }
        return routes;
    }

    private void list(RequestScope s, DocumentKind kind) {
        ListQuery query = Listing.query(s.ctx(), d -> true);
        Page page = documents.list(s.accountId(), kind, query);
        DocumentRules rules = documents.rules(kind);
        Listing.respond(s.ctx(), query, page, d -> rules.listing(d, documents.store()));
    }

    private void create(RequestScope s, DocumentKind kind) {
        s.requireAdmin();
        ObjectNode data = RequestBody.data(s.ctx());
        String copyFrom = s.ctx().queryParam("copy_from");
        Document created;
        if (copyFrom != null && kind == DocumentKind.CALLFLOW) {
            created = documents.create(s.accountId(), kind, copyOf(s, copyFrom, data), true);
        } else {
            created = documents.create(s.accountId(), kind, data);
        }
        s.ctx().header("Location", s.ctx().path() + "/" + created.id());
        respondWritten(s, kind, created, 201);
    }

    /** The source callflow's fields without its numbers, under the request's own fields. */
    private ObjectNode copyOf(RequestScope s, String sourceId, ObjectNode data) {
        Document source = documents.get(s.accountId(), DocumentKind.CALLFLOW, sourceId);
        ObjectNode copy = DocumentService.publicFields(source.body());
        copy.remove("numbers");
        copy.remove("patterns");
        copy.put("name", source.body().path("name").asString(source.id()) + " (copy)");
        DocumentService.merge(copy, data);
        return copy;
    }

    private void read(RequestScope s, DocumentKind kind) {
        Document doc = documents.get(s.accountId(), kind, s.pathParam("id"));
        respond(s, kind, doc, 200);
    }

    private void replace(RequestScope s, DocumentKind kind) {
        String id = s.pathParam("id");
        ObjectNode data = RequestBody.data(s.ctx());
        requireWriter(s, kind, id, data);
        Document before = documents.get(s.accountId(), kind, id);
        Document after = documents.replace(s.accountId(), kind, id, data, s.ctx().header("If-Match"));
        endSessionsOnLostAccess(kind, before, after);
        respondWritten(s, kind, after, 200);
    }

    private void patch(RequestScope s, DocumentKind kind) {
        String id = s.pathParam("id");
        ObjectNode data = RequestBody.data(s.ctx());
        requireWriter(s, kind, id, data);
        Document before = documents.get(s.accountId(), kind, id);
        Document after = documents.patch(s.accountId(), kind, id, data, s.ctx().header("If-Match"));
        endSessionsOnLostAccess(kind, before, after);
        respondWritten(s, kind, after, 200);
    }

    private void delete(RequestScope s, DocumentKind kind) {
        s.requireAdmin();
        String id = s.pathParam("id");
        Document before = documents.get(s.accountId(), kind, id);
        Document deleted = documents.delete(s.accountId(), kind, id, s.ctx().header("If-Match"));
        endSessionsOnLostAccess(kind, before, deleted);
        respond(s, kind, deleted, 200);
    }

    /**
     * A session carries the privilege its user had at sign-in; once the user is deleted, disabled or given another
     * privilege, the user's tokens end rather than keep the old access until they expire.
     */
    private void endSessionsOnLostAccess(DocumentKind kind, Document before, Document after) {
        boolean changed = after.deleted() || !after.body().path("enabled").asBoolean(true)
                || !before.body().path("priv_level").equals(after.body().path("priv_level"));
        if (kind == DocumentKind.USER && changed) {
            tokens.revokeAllOf(after.accountId(), after.id());
        }
    }

    /** Admins write anything; a user may change their own user document, but not their privilege. */
    private static void requireWriter(RequestScope s, DocumentKind kind, String id, ObjectNode data) {
        boolean ownUser = kind == DocumentKind.USER && id.equals(s.session().ownerId())
                && s.accountId().equals(s.session().accountId());
        if (ownUser && !data.has("priv_level")) {
            return;
        }
        s.requireAdmin();
    }

    /** A saved callflow also gets the warnings of {@link FlowLint}, which do not stop the save. */
    private void respondWritten(RequestScope s, DocumentKind kind, Document doc, int status) {
        ObjectNode env = envelope(s, kind, doc);
        if (kind == DocumentKind.CALLFLOW) {
            List<FlowWarning> warnings = lint.check(doc.id(), doc.body(),
                    new StoreDocuments(documents.store(), attachments, s.accountId()));
            if (!warnings.isEmpty()) {
                ArrayNode list = env.putArray("warnings");
                warnings.forEach(w -> list.addObject().put("path", w.path()).put("code", w.code())
                        .put("message", w.message()));
            }
        }
        Envelope.send(s.ctx(), status, env);
    }

    private void respond(RequestScope s, DocumentKind kind, Document doc, int status) {
        Envelope.send(s.ctx(), status, envelope(s, kind, doc));
    }

    private ObjectNode envelope(RequestScope s, DocumentKind kind, Document doc) {
        ObjectNode env = Envelope.success(s.ctx(), documents.rules(kind).view(doc, documents.store()));
        env.put("revision", doc.rev());
        s.ctx().header("ETag", '"' + doc.rev() + '"');
        return env;
    }
}
