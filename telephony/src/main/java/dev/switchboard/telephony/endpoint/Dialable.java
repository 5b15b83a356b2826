package dev.switchboard.telephony.endpoint;

import java.util.List;

/**
 * What a bridge leg turned into: attempts tried one after another (a carrier's gateways, failing over on 5xx or
 * timeout), each ringing its targets together (every registered contact of a device); or why nothing can be rung.
 *
 * @param cause   when there is no attempt: the hangup cause (USER_NOT_REGISTERED, NO_ROUTE_DESTINATION, ...)
 * @param sipCode when there is no attempt: "sip:404", "sip:480", ...
 */
public record Dialable(List<List<SipTarget>> attempts, String cause, String sipCode) {

    public Dialable {
        attempts = attempts.stream().map(List::copyOf).toList();
    }

    public static Dialable of(List<List<SipTarget>> attempts) {
        return new Dialable(attempts, null, null);
    }

    public static Dialable unreachable(String cause, String sipCode) {
        return new Dialable(List.of(), cause, sipCode);
    }

    public boolean reachable() {
        return !attempts.isEmpty();
    }
}
