package dev.switchboard.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentKind;
import dev.switchboard.core.doc.Json;
import dev.switchboard.sip.transport.Transport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real server for tests that call it: SIP on free ports at 127.0.0.1 (TLS off unless asked), a fresh data
 * folder, and helpers to set up an account and read the API as its admin. Reusable by every test of real calls.
 */
public final class TestServer implements AutoCloseable {
    public static final String HOST = "127.0.0.1";

    private final Path data;
    private final Server server;
    private final HttpClient http = HttpClient.newHttpClient();

    private TestServer(Path data, Server server) {
        this.data = data;
        this.server = server;
    }

    /** A server on free ports; {@code env} adds or overrides settings (SWITCHBOARD_*). */
    public static TestServer start(Map<String, String> env) throws IOException {
        Path data = Files.createTempDirectory("switchboard-server");
        Map<String, String> all = new HashMap<>(Map.of("SWITCHBOARD_DATA", data.toString(),
                "SWITCHBOARD_HTTP_PORT", "0", "SWITCHBOARD_SIP_PORT", "0", "SWITCHBOARD_SIP_TLS_PORT", "-1",
                "SWITCHBOARD_RTP_PORTS", "0", "SWITCHBOARD_SIP_ADDRESS", HOST));
        all.putAll(env);
        return new TestServer(data, Server.start(ServerConfig.fromEnvironment(all)));
    }

    public static TestServer start() throws IOException {
        return start(Map.of());
    }

    public Server server() {
        return server;
    }

    public Path dataDir() {
        return data;
    }

    public int sipPort() {
        return server.sipPort(Transport.UDP);
    }

    public int httpPort() {
        return server.httpPort();
    }

    /**
     * The sum of a Prometheus series of the server's {@code /metrics} over the samples whose labels include every
     * {@code label="value"} given, such as {@code metric("switchboard_mwi_notify_total", "kind=\"unsolicited\"")}.
     */
    public double metric(String series, String... labels) {
        HttpResponse<String> r;
        try {
            r = http.send(HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + httpPort() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return r.body().lines().filter(l -> l.startsWith(series + "{") || l.startsWith(series + " "))
                .filter(l -> java.util.Arrays.stream(labels).allMatch(l::contains))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** An account named {@code name} with realm {@code <name>.test} and an admin "admin" / "pw-<name>". */
    public TestAccount account(String name) {
        Document account = server.accounts().create(null, Json.object().put("name", name)
                .put("realm", name + ".test").put("timezone", "America/New_York").put("language", "en-us"));
        server.documents().create(account.id(), DocumentKind.USER, Json.object().put("first_name", "Admin")
                .put("last_name", name).put("username", "admin").put("password", "pw-" + name)
                .put("priv_level", "admin"));
        return new TestAccount(account, login(name, "admin", "pw-" + name));
    }

    /** An account to set up and read over the API. */
    public final class TestAccount {
        public final Document account;
        private final String token;

        TestAccount(Document account, String token) {
            this.account = account;
            this.token = token;
        }

        public String id() {
            return account.id();
        }

        public String realm() {
            return account.body().path("realm").asString();
        }

        /** Creates a document through the API's write pipeline (validated, and seen by the router at once). */
        public Document create(DocumentKind kind, String json) {
            return server.documents().create(account.id(), kind, (ObjectNode) Json.parse(json));
        }

        /** What an API call answered: its status and its body (an envelope, or null when not JSON). */
        public record Answer(int status, JsonNode body) {
            public JsonNode data() {
                return body == null ? null : body.get("data");
            }
        }

        /** {@code method} of a path under {@code /v2/accounts/<id>} with {@code data} in an envelope (or no body). */
        public Answer send(String method, String path, String data) {
            HttpRequest.BodyPublisher body = data == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString("{\"data\":" + data + "}");
            HttpResponse<String> r = exchange(HttpRequest.newBuilder(uri(path)).header("X-Auth-Token", token)
                    .header("Content-Type", "application/json").method(method, body).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode parsed;
            try {
                parsed = Json.parse(r.body());
            } catch (RuntimeException e) {
                parsed = null;
            }
            return new Answer(r.statusCode(), parsed);
        }

        /** PUT of raw bytes (audio) to a path; the status. */
        public int upload(String path, byte[] bytes, String contentType) {
            return exchange(HttpRequest.newBuilder(uri(path)).header("X-Auth-Token", token)
                    .header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        }

        /** GET of a path's bytes (audio), or null when not 200. */
        public byte[] bytes(String path) {
            HttpResponse<byte[]> r = exchange(HttpRequest.newBuilder(uri(path)).header("X-Auth-Token", token).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return r.statusCode() == 200 ? r.body() : null;
        }

        private URI uri(String path) {
            return URI.create("http://" + HOST + ":" + httpPort() + "/v2/accounts/" + account.id() + path);
        }

        private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
            try {
                return http.send(request, handler);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** GET of a path under {@code /v2/accounts/<id>}; the envelope's data, or null when not 200. */
        public JsonNode get(String path) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://" + HOST + ":"
                        + httpPort() + "/v2/accounts/" + account.id() + path)).header("X-Auth-Token", token).build(),
                        HttpResponse.BodyHandlers.ofString());
                return r.statusCode() == 200 ? Json.parse(r.body()).get("data") : null;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Sends {@code body} to a path under {@code /v2/accounts/<id>} as the admin (e.g. a media file's raw upload). */
        public HttpResponse<String> send(String method, String path, byte[] body, String contentType) {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + httpPort()
                        + "/v2/accounts/" + account.id() + path)).header("X-Auth-Token", token)
                        .header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private String login(String accountName, String user, String password) {
        try {
            String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest((user + ":" + password).getBytes()));
            String body = "{\"data\":{\"credentials\":\"" + md5 + "\",\"account_name\":\"" + accountName + "\"}}";
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + httpPort()
                    + "/v2/user_auth")).PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException("cannot sign in: " + r.body());
            }
            return Json.parse(r.body()).get("auth_token").asString();
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
