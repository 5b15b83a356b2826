package dev.switchboard.api;

import java.time.Duration;

/**
 * @param port            HTTP port (KAZOO's 8000)
 * @param tokenLifetime   how long an auth token lives
 * @param loginFailures   failed logins per source or account tolerated in {@code loginWindow} before 429
 * @param maxMediaBytes   largest media upload (KAZOO's limit: 11,534,336 bytes)
 * @param staticResources classpath folder with the web UI, or null for none
 * @param messagesAsMp3   voicemail audio uploaded as WAV is stored as MP3 ({@code SWITCHBOARD_VOICEMAIL_FORMAT=mp3})
 */
public record ApiConfig(int port, Duration tokenLifetime, int loginFailures, Duration loginWindow, int maxMediaBytes,
                        String staticResources, boolean messagesAsMp3) {

    public ApiConfig(int port, Duration tokenLifetime, int loginFailures, Duration loginWindow, int maxMediaBytes,
                     String staticResources) {
        this(port, tokenLifetime, loginFailures, loginWindow, maxMediaBytes, staticResources, false);
    }

    public static ApiConfig defaults() {
        return new ApiConfig(8000, Duration.ofHours(1), 10, Duration.ofMinutes(5), 11_534_336, null);
    }

    public ApiConfig withMessagesAsMp3(boolean mp3) {
        return new ApiConfig(port, tokenLifetime, loginFailures, loginWindow, maxMediaBytes, staticResources, mp3);
    }

    public ApiConfig withPort(int newPort) {
        return new ApiConfig(newPort, tokenLifetime, loginFailures, loginWindow, maxMediaBytes, staticResources, messagesAsMp3);
    }

    public ApiConfig withStaticResources(String folder) {
        return new ApiConfig(port, tokenLifetime, loginFailures, loginWindow, maxMediaBytes, folder, messagesAsMp3);
    }

    public ApiConfig withMaxMediaBytes(int limit) {
        return new ApiConfig(port, tokenLifetime, loginFailures, loginWindow, limit, staticResources, messagesAsMp3);
    }

    public ApiConfig withLoginFailures(int limit) {
        return new ApiConfig(port, tokenLifetime, limit, loginWindow, maxMediaBytes, staticResources, messagesAsMp3);
    }
}
