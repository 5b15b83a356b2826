package dev.switchboard.server.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentKind;
import dev.switchboard.core.doc.Json;
import dev.switchboard.server.TestServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An account set up the way the demo is: phones 1001 and 1002 (devices with SIP credentials) and an extension for
 * each (a callflow to the device), plus what the real-peer tests ask of it: uploads, callflows, records and traces.
 */
final class PhoneAccount {
    private final TestServer server;
    private final TestServer.TestAccount account;
    private final Map<String, Document> devices = new LinkedHashMap<>();

    PhoneAccount(TestServer server, String name) {
        this.server = server;
        this.account = server.account(name);
        for (String user : new String[] {"1001", "1002"}) {
            Document device = account.create(DocumentKind.DEVICE, Json.write(Json.object().put("name", "phone " + user)
                    .set("sip", Json.object().put("username", user).put("password", password(user)))));
            devices.put(user, device);
            callflow("extension " + user, user, node("device", Json.object().put("id", device.id())));
        }
    }

    String realm() {
        return account.realm();
    }

    static String password(String user) {
        return "secret-" + user + "-x7";
    }

    String deviceId(String user) {
        return devices.get(user).id();
    }

    /** baresip's account for a phone: its credentials, every request sent to the server's UDP port. */
    Baresip.Account baresip(String user) {
        return new Baresip.Account(user, password(user), realm(), TestServer.HOST + ":" + server.sipPort());
    }

    URI webSocket() {
        return URI.create("ws://" + TestServer.HOST + ":" + server.httpPort() + "/ws");
    }

    JsonNode get(String path) {
        JsonNode data = account.get(path);
        assertThat(data).as("GET %s", path).isNotNull();
        return data;
    }

    /** A media document whose audio is {@code wav}, uploaded as a phone user's browser would. */
    String uploadMedia(String name, byte[] wav) {
        Document media = account.create(DocumentKind.MEDIA, Json.write(Json.object().put("name", name)
                .put("media_source", "upload")));
        HttpResponse<String> r = account.send("POST", "/media/" + media.id() + "/raw", wav, "audio/wav");
        assertThat(r.statusCode()).as("upload of %s: %s", name, r.body()).isLessThan(300);
        return media.id();
    }

    Document create(DocumentKind kind, ObjectNode body) {
        return account.create(kind, Json.write(body));
    }

    void callflow(String name, String number, ObjectNode flow) {
        ObjectNode callflow = Json.object().put("name", name);
        callflow.putArray("numbers").add(number);
        callflow.set("flow", flow);
        create(DocumentKind.CALLFLOW, callflow);
    }

    static ObjectNode node(String module, ObjectNode data) {
        ObjectNode node = Json.object().put("module", module);
        node.set("data", data);
        return node;
    }

    /** The record of an ended call, once written. */
    JsonNode awaitCallRecord(String callId) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .alias("the call record of " + callId)
                .until(() -> {
                    for (JsonNode cdr : get("/cdrs")) {
                        if (callId.equals(cdr.path("call_id").asString())) {
                            return cdr;
                        }
                    }
                    return null;
                }, cdr -> cdr != null);
    }

    /** The stored step trace of an ended call. */
    JsonNode trace(String callId) {
        return get("/calls/" + callId + "/trace");
    }
}
