package dev.switchboard.notify;

import java.time.Duration;
import java.util.Map;

/**
 * When a failed e-mail is tried again: {@code first}, then twice as long each time up to {@code longest}, until
 * {@code giveUpAfter} since it was queued. From {@code SWITCHBOARD_SMTP_RETRY_FIRST}, {@code _RETRY_LONGEST} and
 * {@code _GIVE_UP_AFTER}, in seconds (30 s, 1 h, 3 days).
 */
public record Backoff(Duration first, Duration longest, Duration giveUpAfter) {

    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofDays(3));

    public Backoff {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("the first retry must be positive and not longer than the longest");
        }
    }

    public static Backoff fromEnvironment(Map<String, String> env) {
        return new Backoff(seconds(env, "SWITCHBOARD_SMTP_RETRY_FIRST", DEFAULT.first),
                seconds(env, "SWITCHBOARD_SMTP_RETRY_LONGEST", DEFAULT.longest),
                seconds(env, "SWITCHBOARD_SMTP_GIVE_UP_AFTER", DEFAULT.giveUpAfter));
    }

    /** The wait after the {@code failures}-th failure (1 for the first). */
    public Duration after(int failures) {
        Duration delay = first;
        for (int i = 1; i < failures && delay.compareTo(longest) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(longest) > 0 ? longest : delay;
    }

    private static Duration seconds(Map<String, String> env, String name, Duration fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : Duration.ofSeconds(Long.parseLong(value.trim()));
    }
}
