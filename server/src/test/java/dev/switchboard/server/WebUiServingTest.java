package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server ships the web UI at {@code /}: its files, and index.html for every address the UI routes itself. */
class WebUiServingTest {
    @TempDir
    static Path data;
    private static Server server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = Server.start(ServerConfig.fromEnvironment(Map.of("SWITCHBOARD_DATA", data.toString(),
                "SWITCHBOARD_HTTP_PORT", "0")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.httpPort() + path))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theRootServesTheBuiltAppAndItsScriptsLoad() throws Exception {
        HttpResponse<String> index = get("/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("<div id=\"root\"></div>").contains("/assets/");
        String script = index.body().replaceAll("(?s).*src=\"(/assets/[^\"]+\\.js)\".*", "$1");
        HttpResponse<String> js = get(script);
        assertThat(js.statusCode()).as(script).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("javascript"));
    }

    @Test
    void aDeepLinkOfTheUiSurvivesAReload() throws Exception {
        HttpResponse<String> page = get("/callflows/0123456789abcdef");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).isEqualTo(get("/").body());
    }

    @Test
    void apiMisprintsAndMissingFilesStayNotFound() throws Exception {
        HttpResponse<String> api = get("/v2/no_such_route");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.body()).contains("\"error\":\"404\"");
        assertThat(get("/assets/missing-file.js").statusCode()).isEqualTo(404);
    }
}
