package dev.switchboard.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathSchemasTest {
    @Test
    void readsAFolderInsideAJarAsThePackagedServerDoes(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("schemas.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("schemas/"));
            out.closeEntry();
            add(out, "schemas/users.json", "{\"type\": \"object\"}");
            add(out, "schemas/callflows.play.json", "{\"type\": \"object\", \"required\": [\"id\"]}");
            add(out, "schemas/README.txt", "not a schema");
        }

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(ClasspathSchemas.read(loader, "schemas")).containsOnlyKeys("users", "callflows.play");
            assertThat(ClasspathSchemas.read(loader, "schemas").get("callflows.play").path("required").get(0).asString())
                    .isEqualTo("id");
        }
    }

    @Test
    void aMissingFolderHasNoSchemas() {
        assertThat(ClasspathSchemas.read(getClass().getClassLoader(), "no-such-folder")).isEmpty();
    }

    private static void add(JarOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
