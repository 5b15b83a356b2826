package dev.switchboard.core.sim;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * What the simulated caller does, as a timeline from the start of the call: {@code {"wait_ms": 3000}} lets time
 * pass, {@code {"dtmf": "12"}} presses keys then (100 ms apart), {@code {"hangup": true}} leaves,
 * {@code {"taken": true}} has another call take this one over while it waits on hold (a parked call retrieved, a
 * queued call answered). After the last step the caller stays on the line, silent.
 */
public final class CallerScript {
    public static final long KEY_GAP_MS = 100;

    /** A key press at a time. */
    public record Press(long atMs, String key) {
    }

    private final List<Press> presses;
    private final long hangupAtMs;
    private final long takenAtMs;

    private CallerScript(List<Press> presses, long hangupAtMs, long takenAtMs) {
        this.presses = List.copyOf(presses);
        this.hangupAtMs = hangupAtMs;
        this.takenAtMs = takenAtMs;
    }

    public static CallerScript silent() {
        return new CallerScript(List.of(), Long.MAX_VALUE, Long.MAX_VALUE);
    }

    /**
     * @throws IllegalArgumentException naming the step that is not one of the three forms
     */
    public static CallerScript parse(JsonNode steps) {
        List<Press> presses = new ArrayList<>();
        long t = 0;
        long hangup = Long.MAX_VALUE;
        long taken = Long.MAX_VALUE;
        if (steps == null || steps.isNull()) {
            return silent();
        }
        if (!steps.isArray()) {
            throw new IllegalArgumentException("caller must be a list of steps");
        }
        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = steps.get(i);
            if (step.has("wait_ms") && step.get("wait_ms").isIntegralNumber() && step.get("wait_ms").asLong() >= 0) {
                t += step.get("wait_ms").asLong();
            } else if (step.has("dtmf") && step.get("dtmf").isString()
                    && step.get("dtmf").asString().matches("[0-9*#A-Da-d]+")) {
                for (char key : step.get("dtmf").asString().toCharArray()) {
                    presses.add(new Press(t, String.valueOf(key).toUpperCase(java.util.Locale.ROOT)));
                    t += KEY_GAP_MS;
                }
            } else if (step.path("hangup").asBoolean(false)) {
                hangup = Math.min(hangup, t);
            } else if (step.path("taken").asBoolean(false)) {
                taken = Math.min(taken, t);
            } else {
                throw new IllegalArgumentException("caller step " + i + " must be {\"dtmf\": \"<keys 0-9*#>\"}, "
                        + "{\"wait_ms\": <n ≥ 0>}, {\"hangup\": true} or {\"taken\": true}");
            }
        }
        return new CallerScript(presses, hangup, taken);
    }

    public List<Press> presses() {
        return presses;
    }

    public long hangupAtMs() {
        return hangupAtMs;
    }

    /** When another call takes this one over while it is on hold; {@link Long#MAX_VALUE} for never. */
    public long takenAtMs() {
        return takenAtMs;
    }
}
