package dev.switchboard.api;

import java.util.List;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.doc.DocumentStore;
import dev.switchboard.core.doc.Json;
import io.javalin.http.HandlerType;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /v2/accounts/{id}}: read and change an account, create sub-accounts, list children and descendants. */
final class AccountResource {
    private static final String ITEM = "/v2/accounts/{account_id}";

    private final DocumentStore store;
    private final AccountService service;

    AccountResource(DocumentStore store, AccountService service) {
        this.store = store;
        this.service = service;
    }

    List<Route> routes() {
        return List.of(
                new Route(HandlerType.GET, ITEM, "accounts", "Read an account", Route.Access.ACCOUNT, null,
                        s -> respond(s, s.account(), 200)),
                new Route(HandlerType.PUT, ITEM, "accounts", "Create a sub-account of this account",
                        Route.Access.ACCOUNT, "accounts", this::createChild),
                new Route(HandlerType.POST, ITEM, "accounts", "Replace an account", Route.Access.ACCOUNT, "accounts",
                        s -> change(s, false)),
                new Route(HandlerType.PATCH, ITEM, "accounts", "Change fields of an account", Route.Access.ACCOUNT,
                        "accounts", s -> change(s, true)),
                new Route(HandlerType.DELETE, ITEM, "accounts", "Delete a sub-account (by an ancestor only)",
                        Route.Access.ACCOUNT, null, this::delete),
                new Route(HandlerType.GET, ITEM + "/children", "accounts", "Direct sub-accounts",
                        Route.Access.ACCOUNT, null, s -> tree(s, DocumentIndexes.ACCOUNT_PARENT)),
                new Route(HandlerType.GET, ITEM + "/descendants", "accounts", "All sub-accounts, at any depth",
                        Route.Access.ACCOUNT, null, s -> tree(s, DocumentIndexes.ACCOUNT_ANCESTOR)),
                new Route(HandlerType.GET, ITEM + "/api_key", "accounts", "The account's API key (admins)",
                        Route.Access.ACCOUNT, null, this::apiKey));
    }

    private void createChild(RequestScope s) {
        s.requireAdmin();
        Document child = service.create(s.account(), RequestBody.data(s.ctx()));
        s.ctx().header("Location", "/v2/accounts/" + child.id());
        respond(s, child, 201);
    }

    private void change(RequestScope s, boolean merge) {
        s.requireAdmin();
        Document updated = service.replace(s.account(), RequestBody.data(s.ctx()), s.ctx().header("If-Match"), merge);
        respond(s, updated, 200);
    }

    private void delete(RequestScope s) {
        s.requireAdmin();
        if (s.account().id().equals(s.session().accountId())) {
            throw ApiException.forbidden("an account is deleted by an ancestor, not by itself");
        }
        if (!store.findByIndex(null, DocumentIndexes.ACCOUNT_PARENT, s.accountId()).isEmpty()) {
            throw new ApiException(400, "account_has_descendants",
                    Json.object().put("message", "delete the sub-accounts first"));
        }
        respond(s, service.delete(s.account(), s.ctx().header("If-Match")), 200);
    }

    private void tree(RequestScope s, String index) {
        ArrayNode rows = Json.array();
        for (Document a : store.findByIndex(null, index, s.accountId())) {
            ObjectNode row = rows.addObject().put("id", a.id());
            row.set("name", a.body().get("name"));
            row.set("realm", a.body().get("realm"));
            List<String> ancestors = AccountDirectory.ancestors(a);
            row.put("parent_id", ancestors.isEmpty() ? null : ancestors.getLast());
        }
        Envelope.ok(s.ctx(), rows);
    }

    private void apiKey(RequestScope s) {
        s.requireAdmin();
        Envelope.ok(s.ctx(), Json.object().put("api_key", s.account().body().path("pvt_api_key").asString()));
    }

    private static void respond(RequestScope s, Document account, int status) {
        ObjectNode env = Envelope.success(s.ctx(), DocumentService.render(account));
        env.put("revision", account.rev());
        s.ctx().header("ETag", '"' + account.rev() + '"');
        Envelope.send(s.ctx(), status, env);
    }
}
