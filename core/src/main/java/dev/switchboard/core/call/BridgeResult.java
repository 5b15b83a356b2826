package dev.switchboard.core.call;

/**
 * How a bridge ended.
 *
 * @param answered   an endpoint answered and the call was connected (and has ended by now, or the caller left)
 * @param answeredBy the endpoint that answered, or null
 * @param cause      on failure KAZOO's hangup cause: USER_BUSY, NO_ANSWER, CALL_REJECTED, UNALLOCATED_NUMBER,
 *                   NORMAL_TEMPORARY_FAILURE, ...
 * @param sipCode    on failure the SIP code as "sip:486", or "sip:600" when unknown
 */
public record BridgeResult(boolean answered, BridgeEndpoint answeredBy, String cause, String sipCode) {

    public static BridgeResult answered(BridgeEndpoint by) {
        return new BridgeResult(true, by, "NORMAL_CLEARING", "sip:200");
    }

    public static BridgeResult failed(String cause, String sipCode) {
        return new BridgeResult(false, null, cause, sipCode == null ? "sip:600" : sipCode);
    }
}
