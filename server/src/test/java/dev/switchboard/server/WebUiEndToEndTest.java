package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The web UI's end-to-end tests (playwright-core driving Debian's chromium: {@code web/e2e/run.mjs} for the builder,
 * {@code web/e2e/entities.mjs} for the entity pages) against a real server with the demo account, signing in through
 * the UI. Each e2e test prints its screenshot's path.
 */
class WebUiEndToEndTest {
    private static final Path WEB = Path.of("..", "web").toAbsolutePath().normalize();
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"e2e/run.mjs, 8", "e2e/entities.mjs, 9"})
    void theUiWorksInABrowser(String script, int screenshots, @TempDir Path data) throws Exception {
        assertThat(CHROMIUM).as("chromium is installed (bin/switchboard test installs it)").isExecutable();
        assertThat(WEB.resolve("node_modules/playwright-core")).as("the web module installed its npm packages").isDirectory();
        try (Server server = Server.start(ServerConfig.fromEnvironment(Map.of("SWITCHBOARD_DATA", data.toString(),
                "SWITCHBOARD_HTTP_PORT", "0")))) {
            ProcessBuilder node = new ProcessBuilder("node", script).directory(WEB.toFile()).redirectErrorStream(true);
            node.environment().put("SWITCHBOARD_URL", "http://localhost:" + server.httpPort());
            node.environment().put("SWITCHBOARD_DATA", data.toString());
            node.environment().put("CHROMIUM", CHROMIUM.toString());
            Process process = node.start();
            StringBuilder output = new StringBuilder();
            // read on a thread of its own, so a hung browser ends in the timeout below, not in a blocked read
            Thread reader = Thread.ofVirtual().start(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        System.out.println(line);
                        synchronized (output) {
                            output.append(line).append('\n');
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            boolean ended = process.waitFor(20, TimeUnit.MINUTES);
            if (!ended) {
                process.destroyForcibly();
            }
            reader.join(Duration.ofSeconds(30));
            assertThat(ended).as("the e2e run ended").isTrue();
            assertThat(process.exitValue()).as(output.toString()).isZero();
            assertThat(output.toString()).contains("e2e tests passed");
            assertThat(output.toString().lines().filter(line -> line.contains("screenshot")).count())
                    .as("a screenshot per test").isGreaterThanOrEqualTo(screenshots);
        }
    }
}
