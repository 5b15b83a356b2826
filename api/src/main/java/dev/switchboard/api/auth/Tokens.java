package dev.switchboard.api.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.doc.DocumentNotFound;
import dev.switchboard.core.doc.DocumentStore;
import dev.switchboard.core.doc.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * Auth tokens. Each is a document of the system pseudo-account, so a restart (or another node) keeps sessions;
 * a local cache keeps the per-request cost to a map look-up.
 */
public final class Tokens {
    static final String SYSTEM_ACCOUNT = "system";
    private static final String TYPE = "auth_token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DocumentStore store;
    private final Clock clock;
    private final Duration lifetime;
    private final Map<String, Session> cache = new ConcurrentHashMap<>();

    public Tokens(DocumentStore store, Clock clock, Duration lifetime) {
        this.store = store;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public Session issue(String accountId, String ownerId, boolean admin, String method) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        Session session = new Session(token, accountId, ownerId, admin, clock.instant().plus(lifetime), method);
        ObjectNode body = Json.object()
                .put("account_id", accountId)
                .put("owner_id", ownerId)
                .put("admin", admin)
                .put("expires", session.expires().toString())
                .put("method", method);
        store.create(SYSTEM_ACCOUNT, TYPE, token, body);
        // expired sessions leave the cache here, or a server signing clients in all day would keep every one
        cache.values().removeIf(old -> old.isExpired(clock.instant()));
        cache.put(token, session);
        return session;
    }

    /** The live session of a token; empty when unknown, revoked or expired. */
    public Optional<Session> find(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        Session session = cache.computeIfAbsent(token, this::load);
        if (session == null || session.isExpired(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(session);
    }

    public void revoke(String token) {
        cache.remove(token);
        try {
            store.delete(SYSTEM_ACCOUNT, token, null);
        } catch (DocumentNotFound alreadyGone) {
            // logging out twice is not an error
        }
    }

    /** Ends every session of a user, such as one just deleted, disabled or given another privilege. */
    public void revokeAllOf(String accountId, String ownerId) {
        // user ids are unique per account only (clients may choose them), so the account must match too
        for (Document d : store.findByIndex(SYSTEM_ACCOUNT, DocumentIndexes.OWNER, ownerId)) {
            if (d.type().equals(TYPE) && d.body().path("account_id").asString("").equals(accountId)) {
                revoke(d.id());
            }
        }
    }

    public Instant now() {
        return clock.instant();
    }

    private Session load(String token) {
        return store.get(SYSTEM_ACCOUNT, token)
                .filter(d -> !d.deleted() && d.type().equals(TYPE))
                .map(Tokens::session)
                .orElse(null);
    }

    private static Session session(Document d) {
        ObjectNode b = d.body();
        return new Session(d.id(), b.path("account_id").asString(),
                b.path("owner_id").isNull() ? null : b.path("owner_id").asString(null),
                b.path("admin").asBoolean(false), Instant.parse(b.path("expires").asString()),
                b.path("method").asString(""));
    }
}
