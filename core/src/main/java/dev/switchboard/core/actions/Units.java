package dev.switchboard.core.actions;

import java.time.Duration;

/** Durations as callflow data writes them: a number and a unit (ms, s, m, h; anything else is seconds). */
final class Units {
    private Units() {
    }

    static Duration duration(long amount, String unit) {
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
    }
}
