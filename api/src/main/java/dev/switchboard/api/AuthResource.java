package dev.switchboard.api;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchboard.api.auth.LoginThrottle;
import dev.switchboard.api.auth.PasswordHasher;
import dev.switchboard.api.auth.Session;
import dev.switchboard.api.auth.Tokens;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.doc.DocumentStore;
import dev.switchboard.core.doc.Json;
import io.javalin.http.HandlerType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.node.ObjectNode;

/** KAZOO's {@code user_auth}, {@code api_auth} and {@code token_auth}. */
final class AuthResource {
    private static final Logger LOG = LoggerFactory.getLogger(AuthResource.class);

    private final DocumentStore store;
    private final Tokens tokens;
    private final LoginThrottle throttle;
    private final Counter failures;

    AuthResource(DocumentStore store, Tokens tokens, LoginThrottle throttle,
                 MeterRegistry metrics) {
        this.store = store;
        this.tokens = tokens;
        this.throttle = throttle;
        this.failures = Counter.builder("auth_failures").description("failed logins").register(metrics);
    }

    List<Route> routes() {
        return List.of(
                new Route(HandlerType.PUT, "/v2/user_auth", "auth",
                        "Sign in with credentials = md5(\"user:password\") (or sha1, method \"sha\") and account_name",
                        Route.Access.PUBLIC, null, this::userAuth),
                new Route(HandlerType.PUT, "/v2/api_auth", "auth", "Sign in with an account's api_key",
                        Route.Access.PUBLIC, null, this::apiAuth),
                new Route(HandlerType.GET, "/v2/token_auth", "auth", "What the current token is",
                        Route.Access.AUTHENTICATED, null, this::tokenInfo),
                new Route(HandlerType.DELETE, "/v2/token_auth", "auth", "Sign out (revoke the token)",
                        Route.Access.AUTHENTICATED, null, this::signOut));
    }

    private void userAuth(RequestScope s) {
        ObjectNode data = RequestBody.data(s.ctx());
        String credentials = data.path("credentials").asString("").toLowerCase(Locale.ROOT);
        String accountName = data.path("account_name").asString(data.path("account_realm").asString(""))
                .toLowerCase(Locale.ROOT);
        if (credentials.isEmpty()) {
            throw ApiException.invalid("credentials", "required", "Field is required but missing");
        }
        if (accountName.isEmpty()) {
            throw ApiException.invalid("account_name", "required", "Field is required but missing");
        }
        String source = s.ctx().ip();
        refuseWhenThrottled(source, accountName);
        boolean sha = "sha".equals(data.path("method").asString("md5")) || credentials.length() == 40;
        Optional<Document> account = accountNamed(accountName);
        Optional<Document> user = account.flatMap(a -> userWith(a.id(), credentials, sha));
        if (user.isEmpty()) {
            failed(source, accountName, "user_auth");
        }
        Document u = user.get();
        if (!u.body().path("enabled").asBoolean(true)) {
            failed(source, accountName, "user_auth");
        }
        Session session = tokens.issue(u.accountId(), u.id(), "admin".equals(u.body().path("priv_level").asString()),
                "user_auth");
        respond(s, session, account.get());
    }

    private void apiAuth(RequestScope s) {
        ObjectNode data = RequestBody.data(s.ctx());
        String key = data.path("api_key").asString("");
        if (key.isEmpty()) {
            throw ApiException.invalid("api_key", "required", "Field is required but missing");
        }
        String source = s.ctx().ip();
        refuseWhenThrottled(source, null);
        List<Document> found = store.findByIndex(null, DocumentIndexes.ACCOUNT_API_KEY, key);
        if (found.isEmpty()) {
            failed(source, null, "api_auth");
        }
        Document account = found.getFirst();
        respond(s, tokens.issue(account.id(), null, true, "api_auth"), account);
    }

    private void tokenInfo(RequestScope s) {
        Session session = s.session();
        ObjectNode data = Json.object()
                .put("account_id", session.accountId())
                .put("owner_id", session.ownerId())
                .put("method", session.method())
                .put("priv_level", session.admin() ? "admin" : "user")
                .put("expires", session.expires().toString())
                .put("expires_in_s", Math.max(0, session.expires().getEpochSecond() - tokens.now().getEpochSecond()));
        Envelope.ok(s.ctx(), data);
    }

    private void signOut(RequestScope s) {
        tokens.revoke(s.session().token());
        Envelope.ok(s.ctx(), Json.object());
    }

    private void respond(RequestScope s, Session session, Document account) {
        s.ctx().attribute(Envelope.AUTH_TOKEN, session.token());
        ObjectNode data = Json.object()
                .put("account_id", account.id())
                .put("owner_id", session.ownerId())
                .put("account_name", account.body().path("name").asString(""))
                .put("language", account.body().path("language").asString("en-us"))
                .put("is_reseller", AccountDirectory.isSuperduper(account)
                        || !store.findByIndex(null, DocumentIndexes.ACCOUNT_PARENT, account.id()).isEmpty())
                .put("priv_level", session.admin() ? "admin" : "user")
                .put("expires", session.expires().toString());
        data.putArray("apps");
        Envelope.send(s.ctx(), 201, Envelope.success(s.ctx(), data));
    }

    private Optional<Document> accountNamed(String nameOrRealm) {
        List<Document> byName = store.findByIndex(null, DocumentIndexes.ACCOUNT_NAME, nameOrRealm);
        List<Document> found = byName.isEmpty()
                ? store.findByIndex(null, DocumentIndexes.ACCOUNT_REALM, nameOrRealm) : byName;
        return found.stream().filter(a -> a.type().equals(AccountDirectory.TYPE)).findFirst();
    }

    private Optional<Document> userWith(String accountId, String credentials, boolean sha) {
        String field = sha ? UserRules.SHA1_CREDENTIALS : UserRules.MD5_CREDENTIALS;
        return store.findByIndex(accountId, DocumentIndexes.USER_CREDENTIALS_HINT, PasswordHasher.hint(credentials))
                .stream()
                .filter(u -> PasswordHasher.verify(credentials, u.body().path(field).asString(null)))
                .findFirst();
    }

    private void refuseWhenThrottled(String source, String account) {
        if (throttle.blocked(source, account)) {
            LOG.warn("login refused: too many failures source={} account={}", source, account);
            throw new ApiException(429, "too_many_requests",
                    Json.object().put("message", "too many failed logins; try again later"));
        }
    }

    private void failed(String source, String account, String method) {
        throttle.failed(source, account);
        failures.increment();
        LOG.warn("login failed method={} source={} account={}", method, source, account);
        throw ApiException.unauthorized();
    }
}
