package dev.switchboard.core.cdr;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import dev.switchboard.core.doc.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A call detail record: who called whom, when, for how long, and how it ended. Written once when a call ends.
 *
 * @param id          the record's own id (32 hex characters)
 * @param callId      the call's id (its SIP Call-ID on a real call); the key of its trace
 * @param answer      when the call was answered, null when never
 * @param hangupCause KAZOO's hangup cause: NORMAL_CLEARING, USER_BUSY, NO_ANSWER, ...
 * @param callflowId  the callflow the call was routed to, null when none
 * @param direction   "inbound" (from a carrier), "internal" (from a device of the account), "outbound" (a leg the
 *                    platform placed)
 */
public record CallRecord(String id, String accountId, String callId, String callerIdNumber, String callerIdName,
                         String calleeNumber, Instant start, Instant answer, Instant end, String hangupCause,
                         String callflowId, String direction) {

    public CallRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    /** Whole seconds from arrival to hangup. */
    public long durationSeconds() {
        return Duration.between(start, end).toSeconds();
    }

    /** Whole seconds from answer to hangup; 0 for a call never answered. */
    public long billingSeconds() {
        return answer == null ? 0 : Duration.between(answer, end).toSeconds();
    }

    /** The fields the API shows, under the names clients read ({@code duration_s}, {@code billing_s}, ...). */
    public ObjectNode toJson() {
        ObjectNode out = Json.object().put("id", id).put("call_id", callId)
                .put("caller_id_number", callerIdNumber).put("caller_id_name", callerIdName)
                .put("callee_number", calleeNumber).put("start", start.toString())
                .put("answer", answer == null ? null : answer.toString()).put("end", end.toString())
                .put("duration_s", durationSeconds()).put("billing_s", billingSeconds())
                .put("hangup_cause", hangupCause).put("callflow_id", callflowId).put("direction", direction);
        return out;
    }

    public static CallRecord fromJson(String accountId, JsonNode json) {
        return new CallRecord(json.path("id").asString(), accountId, json.path("call_id").asString(),
                text(json, "caller_id_number"), text(json, "caller_id_name"), text(json, "callee_number"),
                Instant.parse(json.path("start").asString()), instant(json, "answer"),
                Instant.parse(json.path("end").asString()), text(json, "hangup_cause"), text(json, "callflow_id"),
                text(json, "direction"));
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static Instant instant(JsonNode json, String field) {
        String value = text(json, field);
        return value == null ? null : Instant.parse(value);
    }
}
