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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web UI's end-to-end tests ({@code web/e2e/run.mjs}: playwright-core driving Debian's chromium) against a
 * real server with the demo account, signing in through the UI. Each e2e test prints its screenshot's path.
 */
class WebUiEndToEndTest {
    private static final Path WEB = Path.of("..", "web").toAbsolutePath().normalize();
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void theBuilderWorksInABrowser(@TempDir Path data) throws Exception {
        assertThat(CHROMIUM).as("chromium is installed (bin/switchboard test installs it)").isExecutable();
        assertThat(WEB.resolve("node_modules/playwright-core")).as("the web module installed its npm packages").isDirectory();
        try (Server server = Server.start(ServerConfig.fromEnvironment(Map.of("SWITCHBOARD_DATA", data.toString(),
                "SWITCHBOARD_HTTP_PORT", "0")))) {
            ProcessBuilder node = new ProcessBuilder("node", "e2e/run.mjs").directory(WEB.toFile()).redirectErrorStream(true);
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
            try (Stream<Path> shots = Files.list(WEB.resolve("e2e/screenshots"))) {
                assertThat(shots.filter(p -> p.toString().endsWith(".png")).count()).as("a screenshot per test")
                        .isGreaterThanOrEqualTo(8);
            }
        }
    }
}
