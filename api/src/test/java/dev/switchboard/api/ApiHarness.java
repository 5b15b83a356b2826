package dev.switchboard.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import dev.switchboard.api.auth.PasswordHasher;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.doc.DocumentKind;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.schema.SchemaValidator;
import dev.switchboard.store.JdbcDocumentStore;
import dev.switchboard.store.StoreConfig;
import dev.switchboard.store.Stores;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real server on a free port over a fresh SQLite file, with a root account "root" and its admin, and a real
 * HTTP client. Tests talk to it exactly as a KAZOO client would.
 */
public final class ApiHarness implements AutoCloseable {
    public static final String ROOT_ADMIN_PASSWORD = "root-secret-1";

    public record Response(int status, JsonNode body, Map<String, java.util.List<String>> headers, byte[] raw) {
        public JsonNode data() {
            return body.get("data");
        }

        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), java.util.List.of(""))
                    .getFirst();
        }
    }

    private final Path dir;
    private final JdbcDocumentStore store;
    private final ApiServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    public final Document root;
    public final String rootToken;

    public ApiHarness() throws IOException {
        this(ApiConfig.defaults());
    }

    public ApiHarness(ApiConfig config) throws IOException {
        this(config, AudioImporter.AS_SENT);
    }

    public ApiHarness(ApiConfig config, AudioImporter audioImporter) throws IOException {
        dir = Files.createTempDirectory("switchboard-api");
        Clock clock = Clock.systemUTC();
        store = Stores.open(StoreConfig.sqlite(dir.resolve("test.db")), new DocumentIndexes(), clock);
        server = new ApiServer(config.withPort(0), store, store, store.callRecords(), store.bindings(), audioImporter,
                SchemaValidator.load(),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), clock).start();
        base = "http://localhost:" + server.port();
        root = server.accountService().create(null, Json.object().put("name", "root").put("realm", "root.test"));
        createUser(root.id(), "rootadmin", ROOT_ADMIN_PASSWORD, true);
        rootToken = login("rootadmin", ROOT_ADMIN_PASSWORD, "root");
    }

    public ApiServer server() {
        return server;
    }

    public JdbcDocumentStore store() {
        return store;
    }

    /** A sub-account of {@code parent} with an admin "admin"/"pw-<name>"; returns the account. */
    public Document subAccount(Document parent, String name) {
        Document account = server.accountService().create(parent, Json.object().put("name", name)
                .put("realm", name + ".test"));
        createUser(account.id(), "admin", "pw-" + name, true);
        return account;
    }

    public Document createUser(String accountId, String username, String password, boolean admin) {
        ObjectNode user = Json.object().put("first_name", username).put("last_name", "Test")
                .put("username", username).put("password", password).put("priv_level", admin ? "admin" : "user");
        return server.documents().create(accountId, DocumentKind.USER, user);
    }

    public String login(String username, String password, String accountName) {
        Response r = send("PUT", "/v2/user_auth", null, Json.object().set("data", Json.object()
                .put("credentials", PasswordHasher.md5Hex(username + ":" + password))
                .put("account_name", accountName)));
        if (r.status() != 201) {
            throw new IllegalStateException("login failed: " + r.body());
        }
        return r.body().get("auth_token").asString();
    }

    public Response get(String token, String path) {
        return send("GET", path, token, null);
    }

    public Response put(String token, String path, JsonNode data) {
        return send("PUT", path, token, envelope(data));
    }

    public Response post(String token, String path, JsonNode data) {
        return send("POST", path, token, envelope(data));
    }

    public Response patch(String token, String path, JsonNode data) {
        return send("PATCH", path, token, envelope(data));
    }

    public Response delete(String token, String path) {
        return send("DELETE", path, token, null);
    }

    public static ObjectNode envelope(JsonNode data) {
        ObjectNode env = Json.object();
        env.set("data", data);
        return env;
    }

    public Response send(String method, String path, String token, JsonNode body) {
        return sendRaw(method, path, token, body == null ? null : Json.bytes(body), "application/json", Map.of());
    }

    public Response sendRaw(String method, String path, String token, byte[] body, String contentType,
                            Map<String, String> headers) {
        return exchange(method, path, token, body == null ? null : HttpRequest.BodyPublishers.ofByteArray(body),
                contentType, headers);
    }

    /** As {@link #sendRaw}, the body streamed without declaring its length (chunked transfer encoding). */
    public Response sendChunked(String method, String path, String token, byte[] body, String contentType) {
        return exchange(method, path, token,
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)), contentType,
                Map.of());
    }

    private Response exchange(String method, String path, String token, HttpRequest.BodyPublisher body,
                              String contentType, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] raw = response.body();
            JsonNode json = null;
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (type.contains("json") && raw.length > 0) {
                json = Json.parse(raw);
            }
            return new Response(response.statusCode(), json, response.headers().map(), raw);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.stop();
        store.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
