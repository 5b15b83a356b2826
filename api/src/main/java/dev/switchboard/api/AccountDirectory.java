package dev.switchboard.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.switchboard.api.auth.Session;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentStore;
import tools.jackson.databind.JsonNode;

/**
 * Account documents and the tree they form (KAZOO's {@code pvt_tree}: the ids of an account's ancestors, root
 * first). Every account-scoped request asks it whether the caller may reach the account, so it caches.
 */
public final class AccountDirectory {
    public static final String TYPE = "account";

    private final DocumentStore store;
    private final Map<String, Document> cache = new ConcurrentHashMap<>();

    public AccountDirectory(DocumentStore store) {
        this.store = store;
    }

    /** A live account. */
    public Optional<Document> find(String id) {
        Document cached = cache.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Document> found = store.get(id, id).filter(d -> !d.deleted() && d.type().equals(TYPE));
        found.ifPresent(d -> cache.put(id, d));
        return found;
    }

    public void changed(Document account) {
        if (account.deleted()) {
            cache.remove(account.id());
        } else {
            cache.put(account.id(), account);
        }
    }

    /** The account itself or one of its descendants; a superduper admin reaches every account. */
    public boolean reaches(Session session, Document account) {
        if (account.id().equals(session.accountId()) || ancestors(account).contains(session.accountId())) {
            return true;
        }
        return session.admin() && find(session.accountId()).map(AccountDirectory::isSuperduper).orElse(false);
    }

    public static List<String> ancestors(Document account) {
        JsonNode tree = account.body().path("pvt_tree");
        return tree.isArray() ? tree.valueStream().map(JsonNode::asString).toList() : List.of();
    }

    public static boolean isSuperduper(Document account) {
        return account.body().path("pvt_superduper_admin").asBoolean(false);
    }

    /** Resolves the path's account for a caller: unknown and out-of-reach look the same, so ids cannot be probed. */
    public Document reachable(Session session, String accountId) {
        return find(accountId).filter(a -> reaches(session, a))
                .orElseThrow(() -> ApiException.forbidden("no access to account " + accountId));
    }
}
