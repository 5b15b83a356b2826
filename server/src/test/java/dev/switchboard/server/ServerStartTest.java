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
                "SWITCHBOARD_HTTP_PORT", "0", "SWITCHBOARD_SIP_PORT", "0", "SWITCHBOARD_SIP_TLS_PORT", "0",
                "SWITCHBOARD_RTP_PORTS", "0", "SWITCHBOARD_SIP_ADDRESS", "127.0.0.1"));
        String token;
        try (Server server = Server.start(config)) {
            List<String> lines = Files.readAllLines(data.resolve("demo-credentials.txt"));
            assertThat(lines).hasSize(8);
            assertThat(lines.get(0)).isEqualTo("account: demo");
            assertThat(lines.get(1)).isEqualTo("username: admin");
            assertThat(lines.get(2)).matches("password: \\S{12,}");
            assertThat(lines.get(3)).isEqualTo("sip domain (realm): demo.switchboard.local");
            assertThat(lines.get(4)).matches("sip server: \\S+ port \\d+ \\(UDP, TCP\\), \\d+ \\(TLS\\)");
            assertThat(lines.get(5)).matches("sip user 1001 \\(Alice\\) password: \\S{12}");
            assertThat(lines.get(6)).matches("sip user 1002 \\(Bob\\) password: \\S{12}");
            assertThat(Files.exists(data.resolve("switchboard.db"))).isTrue();
            String password = lines.get(2).substring("password: ".length());
            token = signIn(server.httpPort(), "admin", password);
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + server.httpPort() + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Switchboard");
            demoPhonesAndCallflowsWork(server.httpPort(), token, lines);
        }
        String before = Files.readString(data.resolve("demo-credentials.txt"));
        try (Server again = Server.start(config)) {
            assertThat(Files.readString(data.resolve("demo-credentials.txt"))).isEqualTo(before);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + again.httpPort()
                    + "/v2/token_auth")).header("X-Auth-Token", token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("a token outlives a restart").isEqualTo(200);
            String accountId = Json.parse(r.body()).path("data").path("account_id").asString();
            assertThat(get(again.httpPort(), token, "/v2/accounts/" + accountId + "/devices").path("data"))
                    .as("a restart seeds nothing twice").hasSize(2);
        }
    }

    /** The demo's devices carry the printed passwords, and its numbers reach what the file promises. */
    private void demoPhonesAndCallflowsWork(int port, String token, List<String> lines) throws Exception {
        String accountId = Json.parse(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/v2/token_auth")).header("X-Auth-Token", token).build(), HttpResponse.BodyHandlers.ofString())
                .body()).path("data").path("account_id").asString();
        String base = "/v2/accounts/" + accountId;
        JsonNode devices = get(port, token, base + "/devices").path("data");
        assertThat(devices).hasSize(2);
        for (JsonNode row : devices) {
            JsonNode device = get(port, token, base + "/devices/" + row.path("id").asString()).path("data");
            String username = device.path("sip").path("username").asString();
            assertThat(lines).anyMatch(l -> l.startsWith("sip user " + username + " ")
                    && l.endsWith("password: " + device.path("sip").path("password").asString()));
            assertThat(device.path("owner_id").asString()).isNotEmpty();
        }
        String wednesdayMorning = "2026-11-25T15:00:00Z";
        String sundayMorning = "2026-11-29T15:00:00Z";
        assertThat(modules(simulate(port, token, base, "2000", "1", wednesdayMorning)))
                .containsSubsequence("menu", "ring_group");
        assertThat(modules(simulate(port, token, base, "+15555550100", "2", wednesdayMorning)))
                .containsSubsequence("menu", "temporal_route", "ring_group");
        assertThat(modules(simulate(port, token, base, "2000", "2", sundayMorning)))
                .containsSubsequence("menu", "temporal_route", "play").doesNotContain("ring_group");
        assertThat(modules(simulate(port, token, base, "2000", null, wednesdayMorning)))
                .containsSubsequence("menu", "voicemail");
        assertThat(modules(simulate(port, token, base, "1002", null, wednesdayMorning)))
                .containsSubsequence("user", "voicemail");
    }

    private JsonNode simulate(int port, String token, String base, String to, String keys, String at)
            throws Exception {
        String caller = keys == null ? "[]" : "[{\"wait_ms\":1000},{\"dtmf\":\"" + keys + "\"}]";
        String body = "{\"data\":{\"to\":\"" + to + "\",\"at\":\"" + at + "\",\"caller\":" + caller
                + ",\"endpoints\":{\"default\":\"no_answer\"}}}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + base
                + "/callflows/simulate")).header("X-Auth-Token", token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.parse(r.body()).path("data");
    }

    private static List<String> modules(JsonNode trace) {
        List<String> modules = new java.util.ArrayList<>();
        trace.path("steps").forEach(s -> modules.add(s.path("module").asString()));
        return modules;
    }

    private JsonNode get(int port, String token, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Auth-Token", token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.parse(r.body());
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
