package dev.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.registration.Binding;
import tools.jackson.databind.JsonNode;

/** Registration status over HTTP, from bindings as the registrar writes them. */
class RegistrationsApiTest {
    private static ApiHarness api;
    private static Document account;
    private static String token;
    private static String deskId;
    private static String phoneId;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiHarness();
        account = api.subAccount(api.root, "reg-tenant");
        token = api.login("admin", "pw-reg-tenant", "reg-tenant");
        String base = "/v2/accounts/" + account.id() + "/devices";
        deskId = api.put(token, base, Json.object().put("name", "desk")).data().get("id").asString();
        phoneId = api.put(token, base, Json.object().put("name", "phone")).data().get("id").asString();
        Instant now = Instant.now();
        api.store().bindings().put(new Binding(account.id(), deskId, "sip:1001@192.168.1.20:5062", "udp",
                "203.0.113.7", 40123, null, now.plusSeconds(600), "c1", 1, "Desk/2.0"));
        api.store().bindings().put(new Binding(account.id(), deskId, "sip:1001@10.0.0.9", "tcp", "10.0.0.9", 5070,
                "flow-1", now.plusSeconds(60), "c2", 1, "Desk/2.0"));
        api.store().bindings().put(new Binding(account.id(), phoneId, "sip:1002@10.0.0.8", "udp", "10.0.0.8", 5060,
                null, now.minusSeconds(1), "c3", 1, "Old/1.0"));
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @Test
    void theAccountsLiveContactsAreListed() {
        JsonNode rows = api.get(token, "/v2/accounts/" + account.id() + "/registrations").data();
        assertThat(rows).hasSize(2);
        JsonNode first = rows.get(0);
        assertThat(first.path("device_id").asString()).isEqualTo(deskId);
        assertThat(rows.toString()).contains("sip:1001@192.168.1.20:5062", "203.0.113.7", "Desk/2.0")
                .doesNotContain("Old/1.0");
        assertThat(first.path("expires_in_s").asInt()).isBetween(1, 600);
    }

    @Test
    void aDevicesContactsAndEveryDevicesStatus() {
        JsonNode desk = api.get(token, "/v2/accounts/" + account.id() + "/devices/" + deskId + "/registrations").data();
        assertThat(desk).hasSize(2);
        assertThat(api.get(token, "/v2/accounts/" + account.id() + "/devices/" + phoneId + "/registrations").data())
                .as("expired").isEmpty();
        assertThat(api.get(token, "/v2/accounts/" + account.id() + "/devices/nope/registrations").status())
                .isEqualTo(404);
        JsonNode status = api.get(token, "/v2/accounts/" + account.id() + "/devices/status").data();
        assertThat(status.toString()).contains("{\"device_id\":\"" + deskId + "\",\"registered\":true}")
                .contains("{\"device_id\":\"" + phoneId + "\",\"registered\":false}");
    }
}
