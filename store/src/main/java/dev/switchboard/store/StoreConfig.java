package dev.switchboard.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the documents live.
 *
 * @param jdbcUrl  {@code jdbc:sqlite:<file>} or {@code jdbc:postgresql://host:port/database}
 * @param user     PostgreSQL user; null for SQLite
 * @param password PostgreSQL password; null for SQLite or trust authentication
 * @param poolSize connections for reads (SQLite, which writes through one more connection of its own) or for
 *                 everything (PostgreSQL)
 */
public record StoreConfig(String jdbcUrl, String user, String password, int poolSize) {

    public StoreConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, not " + poolSize);
        }
    }

    /** A SQLite file, e.g. {@code ./data/switchboard.db}; its directory is created when missing. */
    public static StoreConfig sqlite(Path file) {
        return new StoreConfig(Dialect.SQLITE.urlPrefix + file, null, null, 4);
    }

    public static StoreConfig postgresql(String jdbcUrl, String user, String password) {
        return new StoreConfig(jdbcUrl, user, password, 10);
    }
}
