package dev.switchboard.api;

import java.time.Duration;

/**
 * @param port            HTTP port (KAZOO's 8000)
 * @param tokenLifetime   how long an auth token lives
 * @param loginFailures   failed logins per source or account tolerated in {@code loginWindow} before 429
 * @param maxMediaBytes   largest media upload (KAZOO's limit: 11,534,336 bytes)
 * @param staticResources classpath folder with the web UI, or null for none
 */
public record ApiConfig(int port, Duration tokenLifetime, int loginFailures, Duration loginWindow, int maxMediaBytes,
                        String staticResources) {

    public static ApiConfig defaults() {
        return new ApiConfig(8000, Duration.ofHours(1), 10, Duration.ofMinutes(5), 11_534_336, null);
    }

    public ApiConfig withPort(int newPort) {
        return new ApiConfig(newPort, tokenLifetime, loginFailures, loginWindow, maxMediaBytes, staticResources);
    }

    public ApiConfig withStaticResources(String folder) {
        return new ApiConfig(port, tokenLifetime, loginFailures, loginWindow, maxMediaBytes, folder);
    }

    public ApiConfig withMaxMediaBytes(int limit) {
        return new ApiConfig(port, tokenLifetime, loginFailures, loginWindow, limit, staticResources);
    }

    public ApiConfig withLoginFailures(int limit) {
        return new ApiConfig(port, tokenLifetime, limit, loginWindow, maxMediaBytes, staticResources);
    }
}
