package dev.switchboard.api;

import java.util.List;
import java.util.Optional;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentKind;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.doc.ListQuery;
import dev.switchboard.core.doc.RevisionConflict;
import io.javalin.http.HandlerType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An account's documents as one bundle, and the way back: our own bundle or KAZOO documents as KAZOO stores them,
 * each created or updated through the same checks as the API, each reported on its own.
 */
final class ImportExportResource {
    private final DocumentService documents;

    ImportExportResource(DocumentService documents) {
        this.documents = documents;
    }

    List<Route> routes() {
        return List.of(
                new Route(HandlerType.GET, "/v2/accounts/{account_id}/export", "accounts",
                        "Every document of the account as one bundle {account, documents}", Route.Access.ACCOUNT,
                        null, this::export),
                new Route(HandlerType.PUT, "/v2/accounts/{account_id}/import", "accounts",
                        "Load a bundle {documents: [...]}; each document's type from pvt_type or its fields",
                        Route.Access.ACCOUNT, null, this::importBundle));
    }

    private void export(RequestScope s) {
        ArrayNode docs = Json.array();
        for (DocumentKind kind : DocumentKind.values()) {
            if (kind == DocumentKind.ACCOUNT) {
                continue;
            }
            for (Document d : documents.list(s.accountId(), kind, ListQuery.all()).documents()) {
                ObjectNode out = DocumentService.render(d);
                out.put("pvt_type", d.type());
                docs.add(out);
            }
        }
        ObjectNode bundle = Json.object();
        bundle.set("account", DocumentService.render(s.account()));
        bundle.set("documents", docs);
        Envelope.ok(s.ctx(), bundle);
    }

    private void importBundle(RequestScope s) {
        s.requireAdmin();
        JsonNode docs = RequestBody.data(s.ctx()).get("documents");
        if (docs == null || !docs.isArray()) {
            throw ApiException.invalid("documents", "required", "a list of documents is required");
        }
        ArrayNode report = Json.array();
        int created = 0;
        int updated = 0;
        int rejected = 0;
        for (int i = 0; i < docs.size(); i++) {
            ObjectNode row = report.addObject().put("index", i);
            String status = importOne(s, docs.get(i), row);
            row.put("status", status);
            switch (status) {
                case "created" -> created++;
                case "updated" -> updated++;
                default -> rejected++;
            }
        }
        ObjectNode data = Json.object().put("created", created).put("updated", updated).put("rejected", rejected);
        data.set("documents", report);
        Envelope.ok(s.ctx(), data);
    }

    private String importOne(RequestScope s, JsonNode node, ObjectNode row) {
        if (!(node instanceof ObjectNode doc)) {
            row.putObject("errors").putObject("document").putObject("type").put("message", "a document is an object");
            return "rejected";
        }
        String id = doc.path("id").asString(doc.path("_id").asString(null));
        row.put("id", id);
        Optional<DocumentKind> kind = DocumentTypeInference.kindOf(doc).filter(k -> k != DocumentKind.ACCOUNT);
        if (kind.isEmpty()) {
            row.putObject("errors").putObject("pvt_type").putObject("required")
                    .put("message", "cannot tell the document's type; give pvt_type");
            return "rejected";
        }
        row.put("type", kind.get().type());
        ObjectNode data = DocumentService.publicFields(doc);
        data.remove("metadata");
        try {
            boolean exists = id != null && documents.store().get(s.accountId(), id)
                    .filter(d -> !d.deleted() && d.type().equals(kind.get().type())).isPresent();
            if (exists) {
                documents.replace(s.accountId(), kind.get(), id, data, null);
                return "updated";
            }
            if (id != null) {
                data.put("id", id);
            }
            Document saved = documents.create(s.accountId(), kind.get(), data);
            row.put("id", saved.id());
            return "created";
        } catch (ApiException e) {
            row.set("errors", e.data());
            row.put("message", e.getMessage());
        } catch (RevisionConflict e) {
            row.putObject("errors").putObject("id").putObject("unique").put("message", e.getMessage());
        }
        return "rejected";
    }
}
