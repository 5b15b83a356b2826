package dev.switchboard.api;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import dev.switchboard.core.cdr.CallRecord;
import dev.switchboard.core.cdr.CallRecords;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.Json;
import io.javalin.http.HandlerType;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ended calls: their detail records ({@code /cdrs}, newest first) and the step trace of each call
 * ({@code /calls/{call_id}/trace}), in the same shape the simulator returns.
 */
final class CallRecordResource {
    private static final String CDRS = "/v2/accounts/{account_id}/cdrs";
    /** Times before this are Unix seconds, from it on Gregorian seconds (KAZOO's own): 1972-01-01 in Gregorian. */
    private static final long SMALLEST_GREGORIAN = Document.GREGORIAN_UNIX_OFFSET + 63_072_000L;

    private final CallRecords records;

    CallRecordResource(CallRecords records) {
        this.records = records;
    }

    List<Route> routes() {
        return List.of(
                new Route(HandlerType.GET, CDRS, "cdrs",
                        "Call detail records, newest first (created_from, created_to, page_size, start_key)",
                        Route.Access.ACCOUNT, null, this::list),
                new Route(HandlerType.GET, CDRS + "/{cdr_id}", "cdrs", "One call detail record", Route.Access.ACCOUNT,
                        null, this::one),
                new Route(HandlerType.GET, "/v2/accounts/{account_id}/calls/{call_id}/trace", "cdrs",
                        "The step trace of an ended call", Route.Access.ACCOUNT, null, this::trace));
    }

    private void list(RequestScope s) {
        Instant from = time(s, "created_from");
        Instant to = time(s, "created_to");
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.invalid("created_from", "range", "created_from is after created_to");
        }
        boolean paginate = !"false".equals(s.ctx().queryParam("paginate"));
        int pageSize = paginate ? Listing.pageSize(s.ctx().queryParam("page_size")) : Integer.MAX_VALUE - 1;
        String startKey = paginate ? s.ctx().queryParam("start_key") : null;
        CallRecords.Page page;
        try {
            page = records.list(s.accountId(), from, to, startKey, pageSize);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("start_key", "invalid", e.getMessage());
        }
        ArrayNode data = Json.array();
        page.records().forEach(r -> data.add(r.toJson()));
        ObjectNode env = Envelope.success(s.ctx(), data);
        if (paginate) {
            env.put("page_size", page.records().size());
            if (startKey != null) {
                env.put("start_key", startKey);
            }
            if (page.nextStartKey() != null) {
                env.put("next_start_key", page.nextStartKey());
            }
        }
        Envelope.send(s.ctx(), 200, env);
    }

    private void one(RequestScope s) {
        String id = s.pathParam("cdr_id");
        CallRecord record = records.get(s.accountId(), id).orElseThrow(() -> ApiException.badIdentifier(id));
        Envelope.ok(s.ctx(), record.toJson());
    }

    private void trace(RequestScope s) {
        String callId = s.pathParam("call_id");
        ObjectNode trace = records.trace(s.accountId(), callId).orElseThrow(() -> ApiException.badIdentifier(callId));
        Envelope.ok(s.ctx(), trace.put("call_id", callId));
    }

    /** A time as KAZOO clients send it (Gregorian or Unix seconds) or as ISO-8601; null when absent. */
    private static Instant time(RequestScope s, String name) {
        String value = s.ctx().queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.chars().allMatch(Character::isDigit)) {
                long seconds = Long.parseLong(value);
                return Instant.ofEpochSecond(seconds >= SMALLEST_GREGORIAN ? seconds - Document.GREGORIAN_UNIX_OFFSET
                        : seconds);
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (NumberFormatException | DateTimeException e) {
            throw ApiException.invalid(name, "type",
                    "Value did not match type(s): Gregorian or Unix seconds, or an ISO-8601 time such as 2026-11-25T09:30:00Z");
        }
    }
}
