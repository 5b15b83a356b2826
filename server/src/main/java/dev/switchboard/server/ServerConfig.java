package dev.switchboard.server;

import java.nio.file.Path;
import java.util.Map;

/**
 * Settings from the environment, each with a default that runs on a fresh machine.
 *
 * @param dataDir  where the SQLite file and the demo credentials live ({@code SWITCHBOARD_DATA}, ./data)
 * @param httpPort API and UI port ({@code SWITCHBOARD_HTTP_PORT}, 8000)
 * @param jdbcUrl  {@code SWITCHBOARD_DB_URL}; a {@code jdbc:postgresql:} URL for several nodes, else SQLite in dataDir
 * @param voicemail SMTP, e-mail templates, message format and retention
 */
public record ServerConfig(Path dataDir, int httpPort, String jdbcUrl, String dbUser, String dbPassword,
                           VoicemailSettings voicemail) {

    public static ServerConfig fromEnvironment(Map<String, String> env) {
        Path data = Path.of(env.getOrDefault("SWITCHBOARD_DATA", "data"));
        String url = env.getOrDefault("SWITCHBOARD_DB_URL",
                "jdbc:sqlite:" + data.resolve("switchboard.db").toAbsolutePath());
        return new ServerConfig(data, Integer.parseInt(env.getOrDefault("SWITCHBOARD_HTTP_PORT", "8000")), url,
                env.get("SWITCHBOARD_DB_USER"), env.get("SWITCHBOARD_DB_PASSWORD"),
                VoicemailSettings.fromEnvironment(env, data));
    }
}
