package dev.switchboard.core.sim;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.switchboard.core.call.Party;
import dev.switchboard.core.engine.ActiveCalls;
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
 * @param activeCalls   the account's other live calls the flow sees (pickup, intercept, eavesdrop, park)
 */
public record SimulationRequest(String to, Party from, String deviceId, boolean fromCarrier, Instant at,
                                CallerScript caller, EndpointBehaviours endpoints, ObjectNode flow,
                                Map<String, String> httpResponses, List<ActiveCalls.LiveCall> activeCalls) {

    public SimulationRequest {
        activeCalls = activeCalls == null ? List.of() : List.copyOf(activeCalls);
    }

    /** A test call while no other call is live. */
    public SimulationRequest(String to, Party from, String deviceId, boolean fromCarrier, Instant at,
                             CallerScript caller, EndpointBehaviours endpoints, ObjectNode flow,
                             Map<String, String> httpResponses) {
        this(to, from, deviceId, fromCarrier, at, caller, endpoints, flow, httpResponses, List.of());
    }

    /** The same call while these other calls are live. */
    public SimulationRequest withActiveCalls(List<ActiveCalls.LiveCall> calls) {
        return new SimulationRequest(to, from, deviceId, fromCarrier, at, caller, endpoints, flow, httpResponses,
                calls);
    }
}
