package dev.switchboard.store;

/** The databases the store runs on, told apart by their JDBC URL. */
enum Dialect {
    SQLITE("sqlite", "jdbc:sqlite:"),
    POSTGRESQL("postgresql", "jdbc:postgresql:");

    final String kind;
    final String urlPrefix;

    Dialect(String kind, String urlPrefix) {
        this.kind = kind;
        this.urlPrefix = urlPrefix;
    }

    static Dialect of(String jdbcUrl) {
        for (Dialect dialect : values()) {
            if (jdbcUrl.startsWith(dialect.urlPrefix)) {
                return dialect;
            }
        }
        throw new IllegalArgumentException("unsupported database URL " + jdbcUrl + ": expected jdbc:sqlite: or jdbc:postgresql:");
    }

    /** Each database has its own migrations: their DDL differs (collations, STRICT and WITHOUT ROWID tables). */
    String migrations() {
        return "classpath:db/migration/" + kind;
    }
}
