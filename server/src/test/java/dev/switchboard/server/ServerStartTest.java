package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.switchboard.core.doc.Json;
import tools.jackson.databind.JsonNode;

/** What {@code bin/switchboard run} does on a fresh machine: a data folder, a demo account one can sign in to. */
class ServerStartTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void firstStartSeedsADemoAccountThatSignsInAndARestartKeepsIt(@TempDir Path data) throws Exception {
        ServerConfig config = ServerConfig.fromEnvironment(Map.of("SWITCHBOARD_DATA", data.toString(),
                "SWITCHBOARD_HTTP_PORT", "0"));
        String token;
        try (Server server = Server.start(config)) {
            List<String> lines = Files.readAllLines(data.resolve("demo-credentials.txt"));
            assertThat(lines).hasSize(3);
            assertThat(lines.get(0)).isEqualTo("account: demo");
            assertThat(lines.get(1)).isEqualTo("username: admin");
            assertThat(lines.get(2)).matches("password: \\S{12,}");
            assertThat(Files.exists(data.resolve("switchboard.db"))).isTrue();
            String password = lines.get(2).substring("password: ".length());
            token = signIn(server.httpPort(), "admin", password);
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + server.httpPort() + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Switchboard");
        }
        String before = Files.readString(data.resolve("demo-credentials.txt"));
        try (Server again = Server.start(config)) {
            assertThat(Files.readString(data.resolve("demo-credentials.txt"))).isEqualTo(before);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + again.httpPort()
                    + "/v2/token_auth")).header("X-Auth-Token", token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("a token outlives a restart").isEqualTo(200);
        }
    }

    private String signIn(int port, String user, String password) throws Exception {
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest((user + ":" + password).getBytes()));
        String body = "{\"data\":{\"credentials\":\"" + md5 + "\",\"account_name\":\"demo\"}}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v2/user_auth"))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode json = Json.parse(r.body());
        return json.get("auth_token").asString();
    }
}
