package dev.switchboard.core.call;

import java.util.Map;

/**
 * One leg to ring.
 *
 * @param kind            "device" (a registered SIP device), "carrier" (a number through resources), "number"
 *                        (a forward target dialled in the account), "page" (a device that auto-answers: paging,
 *                        intercom)
 * @param id              the device id, the carrier resource id, or the number
 * @param ownerId         the device's owner, for traces and self-call rules
 * @param groupId         the group that brought it in (ring_group, group), or null
 * @param target          what to dial: SIP user, E.164 number, carrier dial string
 * @param delay           seconds before it starts ringing
 * @param timeout         seconds it rings
 * @param headers         extra SIP headers (custom_sip_headers, Alert-Info)
 * @param callerId        what this callee sees, when it differs from the request's (a call-forward leg shows the
 *                        forwarding user's number); null = {@link BridgeRequest#callerId()}
 * @param requireKeypress the callee must press 1 to take the call (call-forward {@code require_keypress}); until
 *                        then the leg does not count as answered
 * @param failover        dialled instead of this leg when it cannot be reached at all (device not registered);
 *                        call-forward {@code failover}; null = none
 */
public record BridgeEndpoint(String kind, String id, String ownerId, String groupId, String target, int delay, int timeout,
                             Map<String, String> headers, Party callerId, boolean requireKeypress,
                             BridgeEndpoint failover) {

    public BridgeEndpoint {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** A plain leg: the request's caller ID, no keypress, no failover. */
    public BridgeEndpoint(String kind, String id, String ownerId, String groupId, String target, int delay, int timeout,
                          Map<String, String> headers) {
        this(kind, id, ownerId, groupId, target, delay, timeout, headers, null, false, null);
    }
}
