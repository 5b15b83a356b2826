package dev.switchboard.core.sim;

import java.util.Map;
import java.util.Set;

import dev.switchboard.core.call.BridgeEndpoint;
import dev.switchboard.core.call.BridgeResult;

/**
 * How each simulated endpoint answers: by device id, owner (user) id, group id or number, else {@code "default"},
 * else it answers.
 */
public final class EndpointBehaviours {
    public static final Set<String> OUTCOMES = Set.of("answer", "busy", "no_answer", "reject", "unavailable");

    private final Map<String, String> byKey;

    public EndpointBehaviours(Map<String, String> byKey) {
        for (var e : byKey.entrySet()) {
            if (!OUTCOMES.contains(e.getValue())) {
                throw new IllegalArgumentException("endpoint " + e.getKey() + ": '" + e.getValue()
                        + "' is not one of " + String.join(", ", new java.util.TreeSet<>(OUTCOMES)));
            }
        }
        this.byKey = Map.copyOf(byKey);
    }

    public String outcome(BridgeEndpoint endpoint) {
        for (String key : new String[] {endpoint.id(), endpoint.ownerId(), endpoint.groupId(), endpoint.target()}) {
            if (key != null && byKey.containsKey(key)) {
                return byKey.get(key);
            }
        }
        return byKey.getOrDefault("default", "answer");
    }

    /** The failure a behaviour stands for, as KAZOO reports it. */
    static BridgeResult failure(String outcome) {
        return switch (outcome) {
            case "busy" -> BridgeResult.failed("USER_BUSY", "sip:486");
            case "no_answer" -> BridgeResult.failed("NO_ANSWER", "sip:480");
            case "reject" -> BridgeResult.failed("CALL_REJECTED", "sip:603");
            case "unavailable" -> BridgeResult.failed("USER_NOT_REGISTERED", "sip:404");
            default -> throw new IllegalArgumentException(outcome);
        };
    }
}
