package dev.switchboard.telephony.call;

/**
 * KAZOO's hangup causes for SIP final responses (RFC 3398's Q.850 mapping, as FreeSWITCH applies it), and the SIP
 * response for a cause the engine ends a call with.
 */
public final class HangupCauses {
    private HangupCauses() {
    }

    public static String ofSipStatus(int status) {
        return switch (status) {
            case 404, 604 -> "UNALLOCATED_NUMBER";
            case 403 -> "CALL_REJECTED";
            case 408, 504 -> "RECOVERY_ON_TIMER_EXPIRE";
            case 410 -> "NUMBER_CHANGED";
            case 480 -> "NO_USER_RESPONSE";
            case 484 -> "INVALID_NUMBER_FORMAT";
            case 486, 600 -> "USER_BUSY";
            case 487 -> "ORIGINATOR_CANCEL";
            case 488, 606 -> "INCOMPATIBLE_DESTINATION";
            case 502 -> "NETWORK_OUT_OF_ORDER";
            case 503 -> "NORMAL_TEMPORARY_FAILURE";
            case 603 -> "CALL_REJECTED";
            default -> status >= 500 ? "NORMAL_TEMPORARY_FAILURE" : "NORMAL_UNSPECIFIED";
        };
    }

    /** The final response a caller gets when its unanswered call ends with {@code cause}. */
    public static int sipStatusOf(String cause) {
        return switch (cause == null ? "" : cause) {
            case "USER_BUSY" -> 486;
            case "NO_ANSWER", "NO_USER_RESPONSE" -> 480;
            case "CALL_REJECTED" -> 603;
            case "UNALLOCATED_NUMBER", "NO_ROUTE_DESTINATION", "USER_NOT_REGISTERED" -> 404;
            case "INVALID_NUMBER_FORMAT" -> 484;
            case "ORIGINATOR_CANCEL" -> 487;
            case "INCOMPATIBLE_DESTINATION" -> 488;
            case "RECOVERY_ON_TIMER_EXPIRE" -> 504;
            case "NORMAL_CLEARING" -> 480;
            default -> 503;
        };
    }
}
