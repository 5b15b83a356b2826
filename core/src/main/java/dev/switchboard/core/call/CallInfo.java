package dev.switchboard.core.call;

/**
 * What is known about a call when it arrives.
 *
 * @param dialled       the request user: the number as dialled ("1000", "+14158867900", "*97")
 * @param from          the caller ID the call arrived with
 * @param deviceId      the authenticated calling device, or null (carrier or unknown)
 * @param ownerId       the calling device's owner (user id), or null
 * @param fromCarrier   arrived from a carrier resource (off-net): KAZOO's "has an inception"
 */
public record CallInfo(String callId, String accountId, String dialled, Party from, String deviceId, String ownerId,
                       boolean fromCarrier) {
}
