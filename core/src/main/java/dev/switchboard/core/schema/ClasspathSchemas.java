package dev.switchboard.core.schema;

import dev.switchboard.core.doc.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Reads every {@code <name>.json} of a classpath folder, whether the folder is a directory (tests, IDE) or lives
 * inside a jar (the packaged server). The folder is listed rather than indexed so that a schema file dropped in
 * is picked up without touching code. A jar must carry the folder's own entry ({@code schemas/}), as every jar
 * Maven builds does; without it the class loader cannot find the folder.
 */
final class ClasspathSchemas {
    private static final String SUFFIX = ".json";

    private ClasspathSchemas() {
    }

    /** Schemas by name; when several classpath roots hold the folder, the first one on the classpath wins. */
    static Map<String, JsonNode> read(ClassLoader loader, String folder) {
        Map<String, JsonNode> schemas = new TreeMap<>();
        try {
            for (URL root : Collections.list(loader.getResources(folder))) {
                readRoot(root.toURI(), schemas);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list classpath folder " + folder, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot list classpath folder " + folder, e);
        }
        return schemas;
    }

    private static void readRoot(URI root, Map<String, JsonNode> schemas) throws IOException {
        if (!"jar".equals(root.getScheme())) {
            readDirectory(Path.of(root), schemas);
            return;
        }
        try (FileSystem jar = FileSystems.newFileSystem(root, Map.of())) {
            readDirectory(jar.provider().getPath(root), schemas);
        } catch (FileSystemAlreadyExistsException e) {
            readDirectory(Path.of(root), schemas);
        }
    }

    private static void readDirectory(Path directory, Map<String, JsonNode> schemas) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
                String fileName = file.getFileName().toString();
                String name = fileName.substring(0, fileName.length() - SUFFIX.length());
                if (!schemas.containsKey(name)) {
                    schemas.put(name, Json.parse(Files.readAllBytes(file)));
                }
            }
        }
    }
}
