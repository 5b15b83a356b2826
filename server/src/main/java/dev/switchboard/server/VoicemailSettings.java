package dev.switchboard.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.switchboard.core.actions.VoicemailRetention;
import dev.switchboard.notify.Backoff;
import dev.switchboard.notify.SmtpConfig;

/**
 * Voicemail e-mail, storage and keeping, from the environment.
 *
 * @param templates   the operator's e-mail templates ({@code SWITCHBOARD_TEMPLATES}, else {@code <data>/templates})
 * @param retention   how long any voicemail message is kept ({@code SWITCHBOARD_VOICEMAIL_RETENTION_DAYS}, 93)
 * @param deletedKept how long a deleted message can still be undeleted ({@code SWITCHBOARD_VOICEMAIL_DELETED_DAYS}, 7)
 * @param storeAsMp3  new messages are stored as MP3 ({@code SWITCHBOARD_VOICEMAIL_FORMAT=mp3}; default {@code wav})
 */
public record VoicemailSettings(SmtpConfig smtp, Backoff backoff, Path templates, Duration retention,
                                Duration deletedKept, boolean storeAsMp3) {

    public static VoicemailSettings fromEnvironment(Map<String, String> env, Path dataDir) {
        String templates = env.get("SWITCHBOARD_TEMPLATES");
        return new VoicemailSettings(SmtpConfig.fromEnvironment(env), Backoff.fromEnvironment(env),
                templates == null || templates.isBlank() ? dataDir.resolve("templates") : Path.of(templates),
                days(env, "SWITCHBOARD_VOICEMAIL_RETENTION_DAYS", VoicemailRetention.DEFAULT_RETENTION),
                days(env, "SWITCHBOARD_VOICEMAIL_DELETED_DAYS", VoicemailRetention.DEFAULT_DELETED_KEPT),
                storeAsMp3(env.getOrDefault("SWITCHBOARD_VOICEMAIL_FORMAT", "wav")));
    }

    private static boolean storeAsMp3(String format) {
        return switch (format.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "mp3" -> true;
            case "wav" -> false;
            default -> throw new IllegalArgumentException("SWITCHBOARD_VOICEMAIL_FORMAT must be wav or mp3, not " + format);
        };
    }

    private static Duration days(Map<String, String> env, String name, Duration fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : Duration.ofDays(Long.parseLong(value.trim()));
    }
}
