package dev.switchboard.core.call;

import java.util.List;

/**
 * Ring endpoints and connect the first that answers.
 *
 * @param strategy         "simultaneous" (all at once, each after its delay) or "single" (one after another)
 * @param timeout          overall seconds
 * @param ringback         what the caller hears while it rings; null = ringback tone
 * @param ignoreEarlyMedia do not pass the callee's early media to the caller
 * @param callerId         what the callees see
 * @param failOnSingleReject one rejection ends the whole attempt
 */
public record BridgeRequest(List<BridgeEndpoint> endpoints, String strategy, int timeout, Media ringback,
                            boolean ignoreEarlyMedia, Party callerId, boolean failOnSingleReject) {
}
