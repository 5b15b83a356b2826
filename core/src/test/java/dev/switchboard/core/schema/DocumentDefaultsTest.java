package dev.switchboard.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.doc.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * A minimal document of each type validates, gets KAZOO's schema defaults, and keeps its own keys first and in
 * their order.
 */
class DocumentDefaultsTest {
    private static final SchemaValidator VALIDATOR = SchemaValidator.load();

    @Test
    void callflows() {
        ObjectNode doc = saved("callflows", "{\"name\": \"Main\", \"flow\": {\"module\": \"play\", \"data\": {}}, \"numbers\": [\"1000\"]}",
                false);

        assertThat(doc.get("patterns")).isEqualTo(Json.array());
    }

    @Test
    void users() {
        ObjectNode doc = saved("users", "{\"last_name\": \"Smith\", \"first_name\": \"Ann\", \"priv_level\": \"admin\", \"call_forward\": {\"number\": \"+14158867900\", \"enabled\": true}}");

        assertThat(doc.get("priv_level").asString()).isEqualTo("admin");
        assertThat(doc.get("enabled").asBoolean()).isTrue();
        assertThat(doc.get("vm_to_email_enabled").asBoolean()).isTrue();
        assertThat(doc.get("hotdesk")).isEqualTo(Json.parse("{\"enabled\": false, \"require_pin\": false, \"keep_logged_in_elsewhere\": false}"));
        assertThat(doc.get("caller_id")).isEqualTo(Json.object());
        assertThat(doc.at("/media/audio/codecs")).isEqualTo(Json.parse("[\"PCMU\", \"PCMA\"]"));
        assertThat(Json.write(doc.get("call_forward"))).isEqualTo("{\"number\":\"+14158867900\",\"enabled\":true,"
                + "\"substitute\":true,\"require_keypress\":true,\"keep_caller_id\":true,\"direct_calls_only\":false,"
                + "\"failover\":false,\"ignore_early_media\":true}");
    }

    @Test
    void objectsWithoutADefaultAreNotCreated() {
        ObjectNode doc = saved("users", "{\"first_name\": \"Ann\", \"last_name\": \"Smith\"}");

        assertThat(doc.has("call_forward")).isFalse();
        assertThat(doc.has("do_not_disturb")).isFalse();
    }

    @Test
    void devices() {
        ObjectNode doc = saved("devices", "{\"name\": \"Desk phone\", \"sip\": {\"username\": \"desk\", \"password\": \"secret\"}}");

        assertThat(Json.write(doc.get("sip"))).isEqualTo(
                "{\"username\":\"desk\",\"password\":\"secret\",\"method\":\"password\",\"invite_format\":\"contact\",\"expire_seconds\":300}");
        assertThat(doc.get("enabled").asBoolean()).isTrue();
        assertThat(doc.get("mwi_unsolicited_updates").asBoolean()).isTrue();
        assertThat(doc.get("exclude_from_queues").asBoolean()).isFalse();
    }

    @Test
    void vmboxes() {
        ObjectNode doc = saved("vmboxes", "{\"name\": \"Ann's box\", \"mailbox\": \"2001\", \"pin\": \"1234\"}");

        assertThat(doc.get("check_if_owner").asBoolean()).isTrue();
        assertThat(doc.get("require_pin").asBoolean()).isFalse();
        assertThat(doc.get("is_setup").asBoolean()).isFalse();
        assertThat(doc.get("media_extension").asString()).isEqualTo("mp3");
        assertThat(doc.get("notify_email_addresses")).isEqualTo(Json.array());
        assertThat(doc.get("include_message_on_notify").asBoolean()).isTrue();
        assertThat(doc.get("seek_duration_ms").asInt()).isEqualTo(10000);
    }

    @Test
    void media() {
        ObjectNode doc = saved("media", "{\"name\": \"Welcome\"}");

        assertThat(doc.get("media_source").asString()).isEqualTo("upload");
        assertThat(doc.get("language").asString()).isEqualTo("en-us");
        assertThat(doc.get("streamable").asBoolean()).isTrue();
        assertThat(doc.get("tts")).isEqualTo(Json.parse("{\"voice\": \"female/en-US\"}"));
    }

    @Test
    void menus() {
        ObjectNode doc = saved("menus", "{\"name\": \"Main menu\", \"media\": {\"greeting\": \"welcome\"}}");

        assertThat(doc.get("retries").asInt()).isEqualTo(3);
        assertThat(doc.get("max_extension_length").asInt()).isEqualTo(4);
        assertThat(doc.get("hunt").asBoolean()).isTrue();
        assertThat(doc.has("timeout")).isFalse();
    }

    @Test
    void temporalRules() {
        ObjectNode doc = saved("temporal_rules", "{\"name\": \"Weekdays\", \"cycle\": \"weekly\", \"wdays\": [\"monday\", \"wensday\"], \"time_window_start\": 32400, \"time_window_stop\": 61200}");

        assertThat(doc.get("interval").asInt()).isEqualTo(1);
        assertThat(doc.get("start_date").asLong()).isEqualTo(62586115200L);
    }

    @Test
    void temporalRuleSets() {
        saved("temporal_rules_sets", "{\"name\": \"Holidays\", \"temporal_rules\": [\"a\", \"b\"]}");
    }

    @Test
    void groups() {
        ObjectNode doc = saved("groups", "{\"name\": \"Sales\"}");

        assertThat(doc.get("endpoints")).isEqualTo(Json.object());
    }

    @Test
    void conferences() {
        ObjectNode doc = saved("conferences", "{\"name\": \"Standup\", \"member\": {\"pins\": [\"1234\"]}}");

        assertThat(Json.write(doc.get("member"))).isEqualTo("{\"pins\":[\"1234\"],\"join_muted\":true,\"join_deaf\":false}");
        assertThat(doc.get("moderator")).isEqualTo(Json.parse("{\"join_muted\": false, \"join_deaf\": false}"));
        assertThat(doc.get("play_name").asBoolean()).isFalse();
    }

    @Test
    void faxbox() {
        ObjectNode doc = saved("faxbox", "{\"name\": \"Office fax\"}");

        assertThat(doc.get("caller_name").asString()).isEqualTo("Kazoo Fax Printer");
        assertThat(doc.get("fax_header").asString()).isEqualTo("Kazoo Fax Printer");
        assertThat(doc.get("retries").asInt()).isEqualTo(1);
    }

    @Test
    void directories() {
        ObjectNode doc = saved("directories", "{\"name\": \"Staff\"}");

        assertThat(doc.get("sort_by").asString()).isEqualTo("last_name");
        assertThat(doc.get("confirm_match").asBoolean()).isTrue();
        assertThat(doc.get("min_dtmf").asInt()).isEqualTo(3);
        assertThat(doc.get("max_dtmf").asInt()).isEqualTo(0);
        assertThat(doc.get("users")).isEqualTo(Json.array());
        assertThat(doc.has("search_fields")).isFalse();
    }

    @Test
    void listsAndEntries() {
        saved("lists", "{\"name\": \"VIPs\", \"description\": \"Callers who skip the queue\"}");
        saved("list_entries", "{\"list_id\": \"vips\", \"number\": \"+14158867900\", \"displayname\": \"Boss\"}");
    }

    @Test
    void accounts() {
        saved("accounts", "{\"name\": \"Acme\", \"realm\": \"acme.sip.example.com\", \"preflow\": {\"always\": \"cf1\"}}");
    }

    @Test
    void resources() {
        ObjectNode doc = saved("resources", "{\"name\": \"Carrier\", \"gateways\": [{\"server\": \"sip.carrier.example\"}], \"rules\": [\"^\\\\+1\\\\d{10}$\"]}");

        assertThat(doc.get("enabled").asBoolean()).isTrue();
        assertThat(doc.get("weight_cost").asInt()).isEqualTo(50);
        assertThat(doc.get("flags")).isEqualTo(Json.array());
        assertThat(Json.write(doc.at("/gateways/0"))).isEqualTo(
                "{\"server\":\"sip.carrier.example\",\"port\":5060,\"prefix\":\"\",\"suffix\":\"\",\"enabled\":true,\"invite_format\":\"route\"}");
    }

    @Test
    void webhooks() {
        ObjectNode doc = saved("webhooks", "{\"name\": \"CRM\", \"uri\": \"https://crm.example.com/hook\", \"hook\": \"channel_create\"}");

        assertThat(doc.get("http_verb").asString()).isEqualTo("post");
        assertThat(doc.get("retries").asInt()).isEqualTo(2);
        assertThat(doc.get("enabled").asBoolean()).isTrue();
    }

    @Test
    void phoneNumbers() {
        saved("phone_numbers", "{\"number\": \"+14158867900\", \"state\": \"in_service\", \"features\": [\"cnam\"]}");
    }

    @Test
    void mailboxMessages() {
        ObjectNode doc = saved("mailbox_messages", "{\"caller_id_number\": \"+14158867900\", \"timestamp\": 63873000000, \"length\": 4200}");

        assertThat(doc.get("folder").asString()).isEqualTo("new");
    }

    @Test
    void defaultsAreCopiesNotShared() {
        ObjectNode first = saved("groups", "{\"name\": \"A\"}");
        ((ObjectNode) first.get("endpoints")).put("changed", true);

        assertThat(saved("groups", "{\"name\": \"B\"}").get("endpoints")).isEqualTo(Json.object());
    }

    private static ObjectNode saved(String schema, String json) {
        return saved(schema, json, true);
    }

    /** Validates like a save; {@code clean} false tolerates errors of other parts (unknown modules here). */
    private static ObjectNode saved(String schema, String json, boolean clean) {
        ObjectNode doc = (ObjectNode) Json.parse(json);
        List<String> ownKeys = List.copyOf(doc.propertyNames());
        ValidationErrors errors = clean ? VALIDATOR.validate(schema, doc)
                : VALIDATOR.validateDocument(schema, doc, List.of());
        assertThat(errors.isEmpty()).as(errors.toString()).isTrue();
        assertThat(List.copyOf(doc.propertyNames()).subList(0, ownKeys.size())).isEqualTo(ownKeys);
        return doc;
    }
}
