package dev.switchboard.server.voicemail;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.switchboard.core.doc.Json;
import tools.jackson.databind.JsonNode;

/**
 * The server as its own process ({@code java} with this test's class path and {@code Main}), on free ports and a
 * given data folder, so a test can kill it as hard as a power cut ({@link #kill}, SIGKILL) and start it again on the
 * same data. It learns its ports from the process's own log lines, and reads the API as an account's admin.
 */
final class ChildServer implements AutoCloseable {
    /** The API's address as the JSON log writes it (with its slashes escaped). */
    private static final Pattern API = Pattern.compile("\"api\":\"http:\\\\?/\\\\?/localhost:(\\d+)");
    private static final Pattern UDP = Pattern.compile("\"udp\":\"(\\d+)\"");
    private static final Duration START = Duration.ofSeconds(90);

    private final Process process;
    private final int httpPort;
    private final int sipPort;
    private final HttpClient http = HttpClient.newHttpClient();
    private String token;

    private ChildServer(Process process, int httpPort, int sipPort) {
        this.process = process;
        this.httpPort = httpPort;
        this.sipPort = sipPort;
    }

    /** Starts a server on {@code data} and waits until its API answers; its output goes to {@code log}. */
    static ChildServer start(Path data, Path log, Map<String, String> env) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "dev.switchboard.server.Main")).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("SWITCHBOARD_DATA", data.toString(), "SWITCHBOARD_HTTP_PORT", "0",
                "SWITCHBOARD_SIP_PORT", "0", "SWITCHBOARD_SIP_TLS_PORT", "-1", "SWITCHBOARD_RTP_PORTS", "0",
                "SWITCHBOARD_SIP_ADDRESS", "127.0.0.1"));
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            int[] ports = await().atMost(START).pollInterval(Duration.ofMillis(200))
                    .until(() -> ports(process, log), p -> p.length == 2);
            return new ChildServer(process, ports[0], ports[1]);
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the server did not start:\n" + Files.readString(log), e);
        }
    }

    private static int[] ports(Process process, Path log) throws IOException {
        if (!process.isAlive()) {
            throw new IllegalStateException("the server exited with " + process.exitValue());
        }
        String text = Files.readString(log);
        Matcher api = API.matcher(text);
        Matcher udp = UDP.matcher(text);
        return api.find() && udp.find() ? new int[] {Integer.parseInt(api.group(1)), Integer.parseInt(udp.group(1))}
                : new int[0];
    }

    int sipPort() {
        return sipPort;
    }

    /** Signs in as an account's user, as the UI does (MD5 of "user:password"). */
    ChildServer signIn(String accountName, String user, String password) {
        try {
            String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest((user + ":" + password).getBytes()));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/v2/user_auth"))
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"data\":{\"credentials\":\"" + md5
                            + "\",\"account_name\":\"" + accountName + "\"}}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException("cannot sign in: " + r.body());
            }
            token = Json.parse(r.body()).get("auth_token").asString();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET of an API path; the envelope's data, or empty when not 200. */
    Optional<JsonNode> get(String path) {
        HttpResponse<String> r = send(path, HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? Optional.of(Json.parse(r.body()).get("data")) : Optional.empty();
    }

    /** GET of an API path's bytes (audio); empty when not 200. */
    Optional<byte[]> bytes(String path) {
        HttpResponse<byte[]> r = send(path, HttpResponse.BodyHandlers.ofByteArray());
        return r.statusCode() == 200 ? Optional.of(r.body()) : Optional.empty();
    }

    private <T> HttpResponse<T> send(String path, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(HttpRequest.newBuilder(uri(path)).header("X-Auth-Token", token).build(), handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
        http.close();
    }
}
