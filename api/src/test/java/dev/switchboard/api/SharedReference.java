package dev.switchboard.api;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code ../shared/reference} beside the repository, where CI puts its copy too. */
final class SharedReference {
    private SharedReference() {
    }

    static Path dir() {
        String given = System.getProperty("switchboard.shared.dir");
        if (given != null) {
            return Path.of(given).resolve("reference");
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared").resolve("reference");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/reference folder beside the repository");
    }
}
