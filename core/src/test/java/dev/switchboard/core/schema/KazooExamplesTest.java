package dev.switchboard.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.doc.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The example callflows of the reference (KAZOO's own documents) pass our {@code callflows} schema. Only the
 * document level is checked here: module data schemas are validated by their own tests.
 */
class KazooExamplesTest {
    /** The reference folder; {@code shared/} sits beside the repository, here and in CI. */
    private static final String EXAMPLES = "shared/reference/kazoo-examples";

    @Test
    void everyExampleValidatesAgainstTheCallflowSchema() throws IOException {
        SchemaValidator validator = SchemaValidator.load();
        List<Path> examples = examples();

        assertThat(examples).hasSize(10);
        for (Path example : examples) {
            ObjectNode callflow = (ObjectNode) Json.parse(Files.readAllBytes(example));
            ValidationErrors errors = validator.validateDocument(SchemaNames.CALLFLOWS, callflow, List.of());
            assertThat(errors.isEmpty()).as("%s: %s", example.getFileName(), errors).isTrue();
        }
    }

    @Test
    void everyExamplePatternCompiles() throws IOException {
        for (Path example : examples()) {
            for (var pattern : Json.parse(Files.readAllBytes(example)).path("patterns")) {
                assertThat(PcrePattern.isValid(pattern.asString())).as("%s: %s", example.getFileName(), pattern).isTrue();
            }
        }
    }

    private static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(examplesFolder())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    /** Walks up from the module directory: {@code <repo>/core} → {@code <repo>} → the folder holding shared/. */
    private static Path examplesFolder() {
        String configured = System.getProperty("switchboard.shared");
        if (configured != null) {
            return Path.of(configured).resolve("reference/kazoo-examples");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(EXAMPLES))) {
                return dir.resolve(EXAMPLES);
            }
        }
        throw new IllegalStateException("no " + EXAMPLES + " above " + Path.of("").toAbsolutePath()
                + "; set -Dswitchboard.shared=<path to shared>");
    }
}
