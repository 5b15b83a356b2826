package dev.switchboard.server.sipp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentKind;
import dev.switchboard.server.TestServer;
import tools.jackson.databind.JsonNode;

/**
 * Carriers: calls from a carrier's gateway address reach the callflow of the DID; calls out go to the carrier's
 * gateway with its prefix, the caller's external caller ID and the gateway's credentials. Strangers get 403. Each
 * side runs on its own loopback address (carrier in 127.0.0.2, gateway 127.0.0.3, stranger 127.0.0.4), apart from
 * the phones on 127.0.0.1.
 */
class CarrierSippTest {
    private static final String CARRIER_IN = "127.0.0.2";
    private static final String GATEWAY = "127.0.0.3";
    private static final String STRANGER = "127.0.0.4";
    private static TestServer server;
    private static TestServer.TestAccount acme;
    private static Phones phones;
    private static Document did;
    private static int gatewayPort;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        acme = server.account("carrier");
        gatewayPort = SippRunner.freeUdpPort(GATEWAY);
        acme.create(DocumentKind.DEVICE, """
                {"name":"sales","sip":{"username":"1001","password":"sales-secret"},
                 "caller_id":{"external":{"number":"+14155559999","name":"Acme Sales"}}}""");
        acme.create(DocumentKind.RESOURCE, """
                {"name":"inbound carrier","rules":["^\\\\+1\\\\d{10}$"],"gateways":[{"server":"%s"}]}"""
                .formatted(CARRIER_IN));
        acme.create(DocumentKind.RESOURCE, """
                {"name":"outbound carrier","rules":["^\\\\+1(\\\\d{10})$"],
                 "gateways":[{"server":"%s","port":%d,"prefix":"9","username":"trunk","password":"s3cret"}]}"""
                .formatted(GATEWAY, gatewayPort));
        did = acme.create(DocumentKind.CALLFLOW, """
                {"name":"main DID","numbers":["+15555550123"],"flow":{"module":"answer","data":{},
                 "children":{"_":{"module":"sleep","data":{"duration":1},
                 "children":{"_":{"module":"hangup","data":{}}}}}}}""");
        acme.create(DocumentKind.CALLFLOW, """
                {"name":"out","patterns":["^(\\\\d{10})$"],"flow":{"module":"resources","data":{}}}""");
        phones = new Phones(server, acme);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode cdrFor(String callee) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode cdr : acme.get("/cdrs")) {
                if (cdr.path("callee_number").asString().equals(callee)) {
                    return cdr;
                }
            }
            return null;
        }, r -> r != null);
    }

    @Test
    void aCarrierCallReachesTheCallflowOfItsNumber() throws Exception {
        SippRunner.Result carrier = SippRunner.scenario("uac_carrier.xml", CARRIER_IN).key("dial", "15555550123")
                .key("domain", TestServer.HOST).run(TestServer.HOST, server.sipPort(), Duration.ofSeconds(60));
        assertThat(carrier.passed()).as(carrier.errors()).isTrue();

        JsonNode cdr = cdrFor("+15555550123");
        assertThat(cdr.path("direction").asString()).isEqualTo("inbound");
        assertThat(cdr.path("callflow_id").asString()).isEqualTo(did.id());
        assertThat(cdr.path("caller_id_number").asString()).isEqualTo("+12125550100");
        assertThat(cdr.path("caller_id_name").asString()).isEqualTo("NYC Caller");
        JsonNode trace = acme.get("/calls/" + cdr.path("call_id").asString() + "/trace");
        assertThat(trace.path("steps").get(0).path("module").asString()).isEqualTo("answer");
        assertThat(trace.path("result").path("end").asString()).isEqualTo("hangup");
    }

    @Test
    void aCarrierCallToANumberNobodyHasIsNotFound() throws Exception {
        SippRunner.Result carrier = SippRunner.scenario("uac_plain.xml", CARRIER_IN).fill("status", "404")
                .key("dial", "15555550999").key("domain", TestServer.HOST)
                .run(TestServer.HOST, server.sipPort(), Duration.ofSeconds(60));
        assertThat(carrier.passed()).as(carrier.errors()).isTrue();
    }

    @Test
    void aStrangerIsRefusedAndNoCallflowRuns() throws Exception {
        int before = acme.get("/cdrs").size();
        SippRunner.Result stranger = SippRunner.scenario("uac_plain.xml", STRANGER).fill("status", "403")
                .key("dial", "15555550123").key("domain", "unknown.example")
                .run(TestServer.HOST, server.sipPort(), Duration.ofSeconds(60));
        assertThat(stranger.passed()).as(stranger.errors()).isTrue();
        assertThat(acme.get("/cdrs").size()).isEqualTo(before);
    }

    @Test
    void anOutboundCallGoesToTheGatewayWithPrefixCallerIdAndCredentials() throws Exception {
        try (SippRunner.Running gateway = SippRunner.scenario("uas_carrier.xml", GATEWAY, gatewayPort)
                .fill("request_uri", "sip:94155550123@" + GATEWAY.replace(".", "\\.") + ":" + gatewayPort)
                .fill("caller_id", "Acme Sales.*sip:\\+14155559999@").fill("user", "trunk")
                .fill("password", "s3cret").listen()) {
            SippRunner.Result caller = phones.call("1001", "sales-secret", "4155550123", "uac_call.xml");
            SippRunner.Result carrier = gateway.await(Duration.ofSeconds(30));
            assertThat(carrier.passed()).as("gateway: " + carrier.errors() + carrier.messages()).isTrue();
            assertThat(carrier.messages()).as("challenged, then answered").contains("401 Unauthorized")
                    .contains("SIP/2.0 200 OK");
            assertThat(caller.passed()).as("caller: " + caller.errors()).isTrue();
        }
        JsonNode cdr = cdrFor("4155550123");
        assertThat(cdr.path("direction").asString()).isEqualTo("outbound");
        JsonNode trace = acme.get("/calls/" + cdr.path("call_id").asString() + "/trace");
        assertThat(trace.toString()).contains(":answered");
        assertThat(trace.path("result").path("end").asString()).isEqualTo("bridged");
    }
}
