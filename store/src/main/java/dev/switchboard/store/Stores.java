package dev.switchboard.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import dev.switchboard.core.doc.DocumentIndexer;

/** Opens the document store a {@link StoreConfig} names, migrating its schema first. */
public final class Stores {
    private static final Logger LOG = LoggerFactory.getLogger(Stores.class);

    private Stores() {
    }

    public static JdbcDocumentStore open(StoreConfig config, DocumentIndexer indexer, Clock clock) {
        Dialect dialect = Dialect.of(config.jdbcUrl());
        if (dialect == Dialect.SQLITE) {
            createDirectoryOf(config.jdbcUrl());
        }
        Flyway.configure()
                .dataSource(config.jdbcUrl(), config.user(), config.password())
                .locations(dialect.migrations())
                .load()
                .migrate();
        JdbcDocumentStore store = switch (dialect) {
            case SQLITE -> sqlite(config, indexer, clock);
            case POSTGRESQL -> {
                HikariDataSource pool = pool(config, "store", config.poolSize(), new Properties());
                yield new JdbcDocumentStore(dialect, pool, pool, indexer, clock);
            }
        };
        LOG.atInfo().setMessage("document store open").addKeyValue("kind", dialect.kind)
                .addKeyValue("pool", config.poolSize()).log();
        return store;
    }

    /**
     * Many readers beside one writer: WAL lets them read while it writes, and a single write connection makes
     * writers of this process wait their turn in the pool rather than fail with SQLITE_BUSY.
     */
    private static JdbcDocumentStore sqlite(StoreConfig config, DocumentIndexer indexer, Clock clock) {
        HikariDataSource writes = pool(config, "store-write", 1, sqliteSettings(true));
        try {
            HikariDataSource reads = pool(config, "store-read", config.poolSize(), sqliteSettings(false));
            return new JdbcDocumentStore(Dialect.SQLITE, reads, writes, indexer, clock);
        } catch (RuntimeException e) {
            writes.close();
            throw e;
        }
    }

    /**
     * NORMAL synchronous mode in WAL survives a crash of the application (not of the machine) without an fsync per
     * commit. BEGIN IMMEDIATE takes the write lock up front, so a write transaction that started by reading never
     * has to upgrade its lock, which another process (a backup, the sqlite3 shell) could refuse; the busy timeout
     * waits for such a process instead of failing.
     */
    private static Properties sqliteSettings(boolean writer) {
        Properties settings = new Properties();
        settings.setProperty("journal_mode", "WAL");
        settings.setProperty("synchronous", "NORMAL");
        settings.setProperty("busy_timeout", "10000");
        settings.setProperty("foreign_keys", "true");
        if (writer) {
            settings.setProperty("transaction_mode", "IMMEDIATE");
        }
        return settings;
    }

    private static HikariDataSource pool(StoreConfig config, String name, int size, Properties settings) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(name);
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(size);
        hikari.setDataSourceProperties(settings);
        return new HikariDataSource(hikari);
    }

    private static void createDirectoryOf(String sqliteUrl) {
        String file = sqliteUrl.substring(Dialect.SQLITE.urlPrefix.length()).split("\\?", 2)[0];
        Path directory = Path.of(file).toAbsolutePath().getParent();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of " + file, e);
        }
    }
}
