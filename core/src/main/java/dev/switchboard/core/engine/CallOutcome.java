package dev.switchboard.core.engine;

/**
 * What became of the call, as the simulator and the trace report it.
 *
 * @param end        hangup, bridged, voicemail, conference, fax, parked, responded, transferred or loop_limit
 * @param cause      the hangup cause (NORMAL_CLEARING, USER_BUSY, ...), or the SIP code for "responded"
 * @param answeredBy the endpoint that took a bridged call, or null
 */
public record CallOutcome(String end, String cause, String answeredBy) {
}
