package dev.switchboard.core.actions;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * How an action wants its endpoints rung (spec §5.4 item 4): the per-leg properties taken from the action's data.
 *
 * @param delay         seconds before the leg rings ({@code delay})
 * @param timeout       seconds it rings ({@code timeout})
 * @param canCallSelf   ring even the caller's own device or user ({@code can_call_self})
 * @param suppressClid  the callee sees no caller ID ({@code suppress_clid})
 * @param staticInvite  SIP user to dial instead of the device's ({@code static_invite}), or null
 * @param headers       extra SIP headers ({@code custom_sip_headers})
 * @param source        the module asking: call forwards with {@code direct_calls_only} skip ring_group calls
 * @param groupId       the group that brings the endpoint in, or null
 * @param page          legs auto-answer (page_group): kind "page", call forwards are not followed
 */
record EndpointOptions(int delay, int timeout, boolean canCallSelf, boolean suppressClid, String staticInvite,
                       Map<String, String> headers, String source, String groupId, boolean page) {

    /** The default ring time of every bridging action, seconds (KAZOO's {@code BRIDGE_DEFAULT_SYSTEM_TIMEOUT_S}). */
    static final int DEFAULT_TIMEOUT = 20;

    EndpointOptions {
        headers = Map.copyOf(headers);
    }

    /** The options an action's data gives; a missing or non-positive timeout is {@code defaultTimeout}. */
    static EndpointOptions from(JsonNode data, String source, int defaultTimeout) {
        return new EndpointOptions(Math.max(0, data.path("delay").asInt(0)), seconds(data.path("timeout"), defaultTimeout),
                data.path("can_call_self").asBoolean(false), data.path("suppress_clid").asBoolean(false),
                text(data.path("static_invite")), headers(data.path("custom_sip_headers")), source, null, false);
    }

    /** A timeout in seconds; absent, zero or negative means {@code fallback} (KAZOO: 0 = the switch default). */
    static int seconds(JsonNode value, int fallback) {
        int s = value.asInt(0);
        return s > 0 ? s : fallback;
    }

    /** Flat name → value headers; an {@code {"in": {...}, "out": {...}}} object gives its {@code in} part. */
    static Map<String, String> headers(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!object.isObject()) {
            return out;
        }
        JsonNode flat = object.path("in").isObject() ? object.path("in") : object;
        flat.properties().forEach(e -> {
            if (e.getValue().isValueNode() && !e.getKey().equals("in") && !e.getKey().equals("out")) {
                out.put(e.getKey(), e.getValue().asString(""));
            }
        });
        return out;
    }

    private static String text(JsonNode value) {
        String s = value.asString("");
        return s.isBlank() ? null : s;
    }

    EndpointOptions withLeg(int legDelay, int legTimeout, String group) {
        return new EndpointOptions(legDelay, legTimeout, canCallSelf, suppressClid, staticInvite, headers, source, group,
                page);
    }

    EndpointOptions paging() {
        return new EndpointOptions(delay, timeout, canCallSelf, suppressClid, staticInvite, headers, source, groupId, true);
    }
}
