package dev.switchboard.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Settings from the environment, each with a default that runs on a fresh machine.
 *
 * @param dataDir         where the SQLite file and the demo credentials live ({@code SWITCHBOARD_DATA}, ./data)
 * @param httpPort        API and UI port ({@code SWITCHBOARD_HTTP_PORT}, 8000)
 * @param jdbcUrl         {@code SWITCHBOARD_DB_URL}; a {@code jdbc:postgresql:} URL for several nodes, else SQLite in
 *                        dataDir
 * @param cdrRetention    how long call detail records are kept ({@code SWITCHBOARD_CDR_RETENTION_DAYS}, 90)
 * @param traceRetention  how long call traces are kept ({@code SWITCHBOARD_TRACE_RETENTION_DAYS}, 30)
 */
public record ServerConfig(Path dataDir, int httpPort, String jdbcUrl, String dbUser, String dbPassword,
                           Duration cdrRetention, Duration traceRetention) {

    public static ServerConfig fromEnvironment(Map<String, String> env) {
        Path data = Path.of(env.getOrDefault("SWITCHBOARD_DATA", "data"));
        String url = env.getOrDefault("SWITCHBOARD_DB_URL",
                "jdbc:sqlite:" + data.resolve("switchboard.db").toAbsolutePath());
        return new ServerConfig(data, Integer.parseInt(env.getOrDefault("SWITCHBOARD_HTTP_PORT", "8000")), url,
                env.get("SWITCHBOARD_DB_USER"), env.get("SWITCHBOARD_DB_PASSWORD"),
                days(env, "SWITCHBOARD_CDR_RETENTION_DAYS", 90), days(env, "SWITCHBOARD_TRACE_RETENTION_DAYS", 30));
    }

    private static Duration days(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        int days;
        try {
            days = value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is a whole number of days, not \"" + value + "\"");
        }
        if (days < 1) {
            throw new IllegalArgumentException(name + " is at least 1 day, not " + days);
        }
        return Duration.ofDays(days);
    }
}
