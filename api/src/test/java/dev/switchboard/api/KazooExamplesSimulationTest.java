package dev.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchboard.api.auth.PasswordHasher;
import dev.switchboard.core.doc.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ten KAZOO example callflows, imported with the documents they point to, then called through the simulate
 * endpoint: each takes the path a KAZOO user would expect.
 */
class KazooExamplesSimulationTest {
    private static ApiHarness api;
    private static String account;

    private static String id(String placeholder) {
        return PasswordHasher.md5Hex(placeholder);
    }

    @BeforeAll
    static void start() throws Exception {
        api = new ApiHarness();
        account = api.server().accountService().create(api.root, Json.object().put("name", "examples")
                .put("timezone", "America/New_York")).id();
        ArrayNode docs = Json.array();
        docs.add(doc("user", id("USER_ID"), "{\"first_name\":\"Front\",\"last_name\":\"Desk\"}"));
        docs.add(doc("user", id("SALES_USER_ID"), "{\"first_name\":\"Sales\",\"last_name\":\"Person\"}"));
        docs.add(doc("user", "3e3f1217bee3ba0aa7496ca61fb4ae8f", "{\"first_name\":\"Alert\",\"last_name\":\"Owner\"}"));
        docs.add(doc("user", "bdc3a4b7e3a5405a9aa8a0f9c6b76997",
                "{\"first_name\":\"Boss\",\"last_name\":\"Lady\",\"email\":\"boss@example.com\"}"));
        docs.add(doc("device", "front_desk_device_id", "{\"name\":\"Front desk\",\"sip\":{\"username\":\"front\"}}"));
        docs.add(doc("device", "d0", "{\"name\":\"Desk phone\",\"owner_id\":\"" + id("USER_ID")
                + "\",\"sip\":{\"username\":\"desk\"}}"));
        docs.add(doc("device", "d1", "{\"name\":\"Sales phone\",\"owner_id\":\"" + id("SALES_USER_ID")
                + "\",\"sip\":{\"username\":\"sales\"}}"));
        for (String box : List.of(id("VMBOX_ID"), id("GENERAL_VMBOX_ID"), "f3f32d9692652565e155e931a54ab0a8",
                "front_desk_voicemail_box_id", "8ca0e4c50aa1e2901d749307e19b2e4b")) {
            docs.add(doc("vmbox", box, "{\"name\":\"Box " + box.substring(0, 4) + "\",\"mailbox\":\""
                    + (3000 + docs.size()) + "\",\"pin\":\"1234\"}"));
        }
        docs.add(doc("menu", id("MENU_ID"), "{\"name\":\"Main menu\"}"));
        docs.add(doc("group", id("SUPPORT_GROUP_ID"), "{\"name\":\"Support\",\"endpoints\":{\"d1\":{\"type\":\"device\"}}}"));
        docs.add(doc("temporal_rule", id("MONDAY_RULE_ID"), "{\"name\":\"Monday\",\"cycle\":\"weekly\",\"wdays\":[\"monday\"],"
                + "\"time_window_start\":32400,\"time_window_stop\":61200,\"start_date\":63000000000}"));
        docs.add(doc("temporal_rule", id("TUESDAY_RULE_ID"), "{\"name\":\"Tuesday\",\"cycle\":\"weekly\",\"wdays\":[\"tuesday\"],"
                + "\"time_window_start\":32400,\"time_window_stop\":61200,\"start_date\":63000000000}"));
        docs.add(doc("temporal_rule", id("LUNCHBREAK_RULE_ID"), "{\"name\":\"Lunch\",\"cycle\":\"weekly\","
                + "\"wdays\":[\"monday\",\"tuesday\"],\"time_window_start\":43200,\"time_window_stop\":46800,"
                + "\"start_date\":63000000000}"));
        docs.add(doc("temporal_rule", id("HOLIDAY_CHRISTMAS_RULE_ID"), "{\"name\":\"Christmas\",\"cycle\":\"yearly\","
                + "\"month\":12,\"days\":[25],\"start_date\":63000000000}"));
        for (String cf : List.of("MAIN_AFTER_HOURS_CALLFLOW_ID", "MAIN_HOLIDAYS_CALLFLOW_ID",
                "MAIN_LUNCH_HOURS_CALLFLOW_ID", "OPERATOR_CALLFLOW_ID")) {
            docs.add(doc("callflow", id(cf), "{\"name\":\"" + cf + "\",\"numbers\":[\"" + cf.toLowerCase()
                    + "\"],\"flow\":{\"module\":\"play\",\"data\":{\"id\":\"" + cf.toLowerCase() + "\"}}}"));
        }
        List<ObjectNode> examples = ImportExportApiTest.kazooExamples();
        for (int i = 0; i < examples.size(); i++) {
            ObjectNode example = examples.get(i).deepCopy();
            if (i == 6) {
                example.put("id", id("MAIN_OPEN_HOURS_CALLFLOW_ID"));
            }
            docs.add(example);
        }
        ApiHarness.Response imported = api.put(api.rootToken, "/v2/accounts/" + account + "/import",
                Json.object().set("documents", docs));
        assertThat(imported.data().get("rejected").asInt()).as(imported.data().toString()).isZero();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static ObjectNode doc(String type, String id, String json) {
        ObjectNode d = (ObjectNode) Json.parse(json);
        d.put("id", id);
        d.put("pvt_type", type);
        return d;
    }

    private static JsonNode simulate(String json) {
        ApiHarness.Response r = api.post(api.rootToken, "/v2/accounts/" + account + "/callflows/simulate", Json.parse(json));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        for (JsonNode step : r.data().get("steps")) {
            assertThat(step.get("events").toString()).as("no action failed: " + r.data()).doesNotContain("error:");
        }
        return r.data();
    }

    private static List<String> modules(JsonNode result) {
        List<String> modules = new ArrayList<>();
        result.get("steps").forEach(s -> modules.add(s.get("module").asString()));
        return modules;
    }

    @Test
    void example01BusyUserTakesTheSip486Branch() {
        JsonNode r = simulate("{\"to\":\"1000\",\"endpoints\":{\"default\":\"busy\"}}");
        assertThat(r.get("steps").get(0).get("next").asString()).isEqualTo("sip:486");
        assertThat(modules(r)).startsWith("user", "tts");
    }

    @Test
    void example01NoAnswerGoesToVoicemail() {
        JsonNode r = simulate("{\"to\":\"1000\",\"endpoints\":{\"default\":\"no_answer\"},"
                + "\"caller\":[{\"wait_ms\":60000},{\"hangup\":true}]}");
        assertThat(modules(r)).startsWith("user", "voicemail");
        assertThat(r.get("result").get("end").asString()).isEqualTo("voicemail");
    }

    @Test
    void example02RoutesByCallerIdPattern() {
        assertThat(modules(simulate("{\"to\":\"2001\"}"))).startsWith("route_to_cid");
    }

    @Test
    void example03MissedCallAlertThenUserThenVoicemail() {
        JsonNode r = simulate("{\"to\":\"+15554441111\",\"endpoints\":{\"default\":\"no_answer\"},"
                + "\"caller\":[{\"wait_ms\":60000},{\"hangup\":true}]}");
        assertThat(modules(r)).startsWith("missed_call_alert", "user", "voicemail");
    }

    @Test
    void example04ParksTheCall() {
        JsonNode r = simulate("{\"to\":\"*3\",\"caller\":[{\"wait_ms\":5000},{\"hangup\":true}]}");
        assertThat(modules(r)).startsWith("park");
    }

    @Test
    void example05BusyDeviceFiresTheWebhookThenVoicemail() {
        JsonNode r = simulate("{\"to\":\"+10005559999\",\"endpoints\":{\"front_desk_device_id\":\"busy\"},"
                + "\"caller\":[{\"wait_ms\":60000},{\"hangup\":true}]}");
        assertThat(modules(r)).startsWith("device", "webhook", "voicemail");
        assertThat(r.get("steps").get(1).get("events").toString()).contains("http://my.ser.ver/frontdesk/missed_call");
    }

    @Test
    void example06ChecksVoicemailWithAPin() {
        JsonNode r = simulate("{\"to\":\"*983005\",\"caller\":[{\"wait_ms\":1000},{\"hangup\":true}]}");
        assertThat(modules(r)).startsWith("voicemail");
    }

    @Test
    void example07MenuKeyOneRingsSales() {
        JsonNode r = simulate("{\"to\":\"MainOpenHoursMenu\",\"caller\":[{\"dtmf\":\"1\"}]}");
        assertThat(r.get("steps").get(0).get("next").asString()).isEqualTo("1");
        assertThat(modules(r)).startsWith("menu", "user");
    }

    @Test
    void example08RecordsThenHuntsTheDialledExtension() {
        JsonNode r = simulate("{\"to\":\"*551000\",\"endpoints\":{\"default\":\"busy\"}}");
        assertThat(modules(r)).startsWith("record_call", "branch_bnumber", "user");
    }

    @Test
    void example09MondayMorningInLosAngelesIsOpen() {
        // Monday 2026-11-23 10:00 in Los Angeles
        JsonNode r = simulate("{\"to\":\"+14158867900\",\"at\":\"2026-11-23T18:00:00Z\",\"caller\":[{\"dtmf\":\"9\"}]}");
        assertThat(r.get("steps").get(0).get("next").asString()).isEqualTo(id("MONDAY_RULE_ID"));
        assertThat(modules(r)).startsWith("temporal_route", "callflow", "menu");
        JsonNode night = simulate("{\"to\":\"+14158867900\",\"at\":\"2026-11-24T07:00:00Z\"}");
        assertThat(night.get("steps").get(0).get("next").asString()).isEqualTo("_");
    }

    @Test
    void example10SendsUnknownNumbersToCarriersButNeverFromACarrier() {
        JsonNode r = simulate("{\"to\":\"+14155550123\",\"from\":{\"number\":\"1000\",\"device_id\":\"d1\"}}");
        assertThat(modules(r)).startsWith("resources");
        ApiHarness.Response fromCarrier = api.post(api.rootToken, "/v2/accounts/" + account + "/callflows/simulate",
                Json.parse("{\"to\":\"+14155550123\",\"from\":{\"number\":\"+13125550100\",\"carrier\":true}}"));
        assertThat(fromCarrier.status()).isEqualTo(400);
    }
}
