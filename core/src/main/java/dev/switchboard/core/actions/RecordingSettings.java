package dev.switchboard.core.actions;

import java.time.Duration;

import tools.jackson.databind.JsonNode;

/** The recording options {@code record_call} and {@code record_caller} share (spec §6.57, §6.58). */
final class RecordingSettings {
    /** KAZOO's {@code call_recording.extension}. */
    static final String DEFAULT_FORMAT = "mp3";
    private static final long DEFAULT_LIMIT_S = 3600;
    private static final long SHORTEST_LIMIT_S = 5;
    private static final long LONGEST_LIMIT_S = 10800;

    private RecordingSettings() {
    }

    /** {@code format}: mp3 or wav (KAZOO's code also takes mp4); anything else is mp3. */
    static String format(JsonNode data) {
        String format = data.path("format").asString(DEFAULT_FORMAT);
        return format.equals("wav") || format.equals("mp4") ? format : DEFAULT_FORMAT;
    }

    /** {@code time_limit} in seconds, default 3600, kept within 5..10800. */
    static Duration timeLimit(JsonNode data) {
        long seconds = data.path("time_limit").asLong(DEFAULT_LIMIT_S);
        return Duration.ofSeconds(Math.clamp(seconds, SHORTEST_LIMIT_S, LONGEST_LIMIT_S));
    }

    /** {@code method}: the HTTP verb that sends the file to {@code url}, PUT unless post. */
    static String method(JsonNode data) {
        return data.path("method").asString("put").equalsIgnoreCase("post") ? "POST" : "PUT";
    }

    /** An empty {@code url} (keep the recording in the account) or an http(s) one. */
    static boolean usableUrl(String url) {
        return url.isEmpty() || url.startsWith("http://") || url.startsWith("https://");
    }
}
