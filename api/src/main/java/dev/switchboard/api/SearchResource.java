package dev.switchboard.api;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentKind;
import dev.switchboard.core.doc.ListQuery;
import dev.switchboard.core.doc.Page;
import io.javalin.http.HandlerType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * KAZOO's {@code GET /v2/accounts/{id}/search?t=callflow&q=name_and_number&v=text}: the documents of one type whose
 * name or number contains the text (case-insensitive), as rows of the type's listing, paged and filtered like it.
 * The builder searches big accounts with it, and finds which callflow already holds a number.
 */
final class SearchResource {
    private static final List<String> QUERIES = List.of("name", "number", "name_and_number");

    private final DocumentService documents;

    SearchResource(DocumentService documents) {
        this.documents = documents;
    }

    List<Route> routes() {
        return List.of(new Route(HandlerType.GET, "/v2/accounts/{account_id}/search", "search",
                "Documents of type t whose name or number (q) contains v", Route.Access.ACCOUNT, null, this::search));
    }

    private void search(RequestScope s) {
        DocumentKind kind = kind(s.ctx().queryParam("t"));
        String q = s.ctx().queryParam("q");
        if (q == null || !QUERIES.contains(q)) {
            throw ApiException.invalid("q", "enum", "q is one of " + String.join(", ", QUERIES));
        }
        String v = s.ctx().queryParam("v");
        if (v == null || v.isBlank()) {
            throw ApiException.invalid("v", "required", "v (the text to find) is required");
        }
        String text = v.trim().toLowerCase(Locale.ROOT);
        Predicate<Document> byName = d -> names(d.body()).contains(text);
        Predicate<Document> byNumber = d -> numbers(d.body()).contains(text);
        Predicate<Document> match = switch (q) {
            case "name" -> byName;
            case "number" -> byNumber;
            default -> byName.or(byNumber);
        };
        ListQuery query = Listing.query(s.ctx(), match);
        Page page = documents.list(s.accountId(), kind, query);
        DocumentRules rules = documents.rules(kind);
        Listing.respond(s.ctx(), query, page, d -> rules.listing(d, documents.store()));
    }

    private static DocumentKind kind(String type) {
        for (DocumentKind kind : CollectionResource.COLLECTIONS) {
            if (kind.type().equals(type) || kind.collection().equals(type)) {
                return kind;
            }
        }
        throw ApiException.invalid("t", "enum", "t is a document type such as callflow, user or device");
    }

    /** Every name a person might search a document by, lower-cased and joined (first and last name for users). */
    private static String names(ObjectNode body) {
        StringBuilder all = new StringBuilder();
        for (String key : new String[] {"name", "first_name", "last_name", "username", "mailbox"}) {
            JsonNode value = body.get(key);
            if (value != null && value.isValueNode()) {
                all.append(value.asString().toLowerCase(Locale.ROOT)).append('\n');
            }
        }
        String first = body.path("first_name").asString("");
        String last = body.path("last_name").asString("");
        all.append((first + " " + last).toLowerCase(Locale.ROOT));
        return all.toString();
    }

    private static String numbers(ObjectNode body) {
        StringBuilder all = new StringBuilder();
        for (String key : new String[] {"numbers", "patterns"}) {
            body.path(key).forEach(n -> all.append(n.asString("").toLowerCase(Locale.ROOT)).append('\n'));
        }
        return all.toString();
    }
}
