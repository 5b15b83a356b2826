package dev.switchboard.core.sim;

import java.time.Instant;
import java.util.Map;

import dev.switchboard.core.call.Party;
import tools.jackson.databind.node.ObjectNode;

/**
 * A test call.
 *
 * @param to            the dialled number
 * @param deviceId      the calling device, or null
 * @param fromCarrier   the call comes from a carrier (it may not reach {@code no_match})
 * @param at            when the call starts
 * @param flow          an unsaved flow to run instead of what {@code to} routes to, or null
 * @param httpResponses stub bodies for HTTP requests the flow makes (pivot), by URL
 */
public record SimulationRequest(String to, Party from, String deviceId, boolean fromCarrier, Instant at,
                                CallerScript caller, EndpointBehaviours endpoints, ObjectNode flow,
                                Map<String, String> httpResponses) {
}
