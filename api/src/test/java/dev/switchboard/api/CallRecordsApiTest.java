package dev.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchboard.core.cdr.CallRecord;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.engine.CallOutcome;
import dev.switchboard.core.engine.Step;
import dev.switchboard.core.engine.TraceJson;
import tools.jackson.databind.JsonNode;

/** {@code /cdrs} and {@code /calls/{id}/trace} over real HTTP, on records written as a finished call writes them. */
class CallRecordsApiTest {
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    private static ApiHarness api;
    private static Document account;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiHarness();
        account = api.subAccount(api.root, "cdr-tenant");
        token = api.login("admin", "pw-cdr-tenant", "cdr-tenant");
        for (int i = 0; i < 5; i++) {
            Instant start = T0.plusSeconds(3600L * i);
            api.store().callRecords().save(new CallRecord("cdr" + i, account.id(), "call-" + i + "@10.0.0.1",
                    "+1555000010" + i, "Caller " + i, "2000", start, i % 2 == 0 ? start.plusSeconds(3) : null,
                    start.plusSeconds(45), i % 2 == 0 ? "NORMAL_CLEARING" : "NO_ANSWER", "cf-main", "inbound"),
                    TraceJson.render("cf-main", List.of(new Step(0, "menu", "flow", "1",
                            new ArrayList<>(List.of("answer", "collect:1")))),
                            new CallOutcome("hangup", "NORMAL_CLEARING", null)));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static String cdrs(String query) {
        return "/v2/accounts/" + account.id() + "/cdrs" + query;
    }

    @Test
    void aRecordShowsTheFieldsClientsRead() {
        JsonNode cdr = api.get(token, cdrs("/cdr0")).data();
        assertThat(cdr.path("id").asString()).isEqualTo("cdr0");
        assertThat(cdr.path("call_id").asString()).isEqualTo("call-0@10.0.0.1");
        assertThat(cdr.path("caller_id_number").asString()).isEqualTo("+15550000100");
        assertThat(cdr.path("caller_id_name").asString()).isEqualTo("Caller 0");
        assertThat(cdr.path("callee_number").asString()).isEqualTo("2000");
        assertThat(cdr.path("start").asString()).isEqualTo("2026-11-20T09:00:00Z");
        assertThat(cdr.path("answer").asString()).isEqualTo("2026-11-20T09:00:03Z");
        assertThat(cdr.path("end").asString()).isEqualTo("2026-11-20T09:00:45Z");
        assertThat(cdr.path("duration_s").asInt()).isEqualTo(45);
        assertThat(cdr.path("billing_s").asInt()).isEqualTo(42);
        assertThat(cdr.path("hangup_cause").asString()).isEqualTo("NORMAL_CLEARING");
        assertThat(cdr.path("callflow_id").asString()).isEqualTo("cf-main");
        assertThat(cdr.path("direction").asString()).isEqualTo("inbound");
        JsonNode unanswered = api.get(token, cdrs("/cdr1")).data();
        assertThat(unanswered.path("answer").isNull()).isTrue();
        assertThat(unanswered.path("billing_s").asInt()).isZero();
        assertThat(api.get(token, cdrs("/nope")).status()).isEqualTo(404);
    }

    @Test
    void listingIsNewestFirstAndPages() {
        List<String> ids = new ArrayList<>();
        String next = "";
        int pages = 0;
        while (next != null) {
            ApiHarness.Response r = api.get(token, cdrs("?page_size=2" + (next.isEmpty() ? "" : "&start_key=" + next)));
            assertThat(r.status()).isEqualTo(200);
            r.data().forEach(row -> ids.add(row.path("id").asString()));
            next = r.body().has("next_start_key") ? r.body().get("next_start_key").asString() : null;
            pages++;
        }
        assertThat(ids).containsExactly("cdr4", "cdr3", "cdr2", "cdr1", "cdr0");
        assertThat(pages).isEqualTo(3);
        assertThat(api.get(token, cdrs("?paginate=false")).data()).hasSize(5);
    }

    @Test
    void createdFromAndToTakeGregorianUnixOrIsoTimes() {
        long unixFrom = T0.plusSeconds(3600).getEpochSecond();
        long gregorianTo = T0.plusSeconds(3 * 3600).getEpochSecond() + Document.GREGORIAN_UNIX_OFFSET;
        assertThat(ids(api.get(token, cdrs("?created_from=" + unixFrom + "&created_to=" + gregorianTo)).data()))
                .containsExactly("cdr3", "cdr2", "cdr1");
        assertThat(ids(api.get(token, cdrs("?created_from=2026-11-20T12:00:00Z")).data()))
                .containsExactly("cdr4", "cdr3");
    }

    @Test
    void badFiltersAndCursorsAreRefusedByField() {
        ApiHarness.Response bad = api.get(token, cdrs("?created_from=yesterday"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.data().has("created_from")).isTrue();
        ApiHarness.Response reversed = api.get(token, cdrs("?created_from=2026-11-21T00:00:00Z&created_to=2026-11-20T00:00:00Z"));
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(api.get(token, cdrs("?start_key=garbage")).status()).isEqualTo(400);
        assertThat(api.get(token, cdrs("?page_size=0")).status()).isEqualTo(400);
    }

    @Test
    void theTraceOfACallIsTheSimulatorsShape() {
        ApiHarness.Response r = api.get(token, "/v2/accounts/" + account.id() + "/calls/call-2@10.0.0.1/trace");
        assertThat(r.status()).isEqualTo(200);
        JsonNode trace = r.data();
        assertThat(trace.path("call_id").asString()).isEqualTo("call-2@10.0.0.1");
        assertThat(trace.path("callflow_id").asString()).isEqualTo("cf-main");
        assertThat(trace.path("steps").get(0).path("module").asString()).isEqualTo("menu");
        assertThat(trace.path("steps").get(0).path("events").toString()).contains("collect:1");
        assertThat(trace.path("result").path("end").asString()).isEqualTo("hangup");
        assertThat(api.get(token, "/v2/accounts/" + account.id() + "/calls/unknown/trace").status()).isEqualTo(404);
    }

    @Test
    void anotherAccountSeesNoneOfThem() {
        Document other = api.subAccount(api.root, "cdr-other");
        String otherToken = api.login("admin", "pw-cdr-other", "cdr-other");
        assertThat(api.get(otherToken, "/v2/accounts/" + other.id() + "/cdrs").data()).isEmpty();
        assertThat(api.get(otherToken, "/v2/accounts/" + other.id() + "/cdrs/cdr0").status()).isEqualTo(404);
        assertThat(api.get(otherToken, "/v2/accounts/" + account.id() + "/cdrs").status()).isEqualTo(403);
    }

    private static List<String> ids(JsonNode rows) {
        List<String> ids = new ArrayList<>();
        rows.forEach(r -> ids.add(r.path("id").asString()));
        return ids;
    }
}
