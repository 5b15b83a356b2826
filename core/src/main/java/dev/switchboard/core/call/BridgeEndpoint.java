package dev.switchboard.core.call;

import java.util.Map;

/**
 * One leg to ring.
 *
 * @param kind      "device" (a registered SIP device), "carrier" (a number through resources), "number"
 *                  (a forward target dialled in the account), "page" (auto-answer)
 * @param id        the device id, the carrier resource id, or the number
 * @param ownerId   the device's owner, for traces and self-call rules
 * @param groupId   the group that brought it in (ring_group, group), or null
 * @param target    what to dial: SIP user, E.164 number
 * @param delay     seconds before it starts ringing
 * @param timeout   seconds it rings
 * @param headers   extra SIP headers (custom_sip_headers, Alert-Info)
 */
public record BridgeEndpoint(String kind, String id, String ownerId, String groupId, String target, int delay, int timeout,
                             Map<String, String> headers) {
}
