package dev.switchboard.server.sipp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentKind;
import dev.switchboard.server.TestServer;
import tools.jackson.databind.JsonNode;

/** A caller presses a key as RFC 4733 events (sipp playing a pcap) and the menu takes the key's branch. */
class IvrDtmfSippTest {
    private static TestServer server;
    private static TestServer.TestAccount acme;
    private static Phones phones;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        acme = server.account("ivr");
        acme.create(DocumentKind.DEVICE, """
                {"name":"caller","sip":{"username":"1001","password":"caller-secret"}}""");
        Document menu = acme.create(DocumentKind.MENU, """
                {"name":"main","max_extension_length":1,"retries":2,"timeout":8000}""");
        acme.create(DocumentKind.CALLFLOW, """
                {"name":"ivr","numbers":["3000"],"flow":{"module":"menu","data":{"id":"%s"},
                 "children":{"1":{"module":"hangup","data":{}},
                             "2":{"module":"sleep","data":{"duration":1},"children":{"_":{"module":"hangup","data":{}}}}}}}"""
                .formatted(menu.id()));
        phones = new Phones(server, acme);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theKeyPressedTakesItsBranch(@TempDir Path dir) throws Exception {
        Path pcap = DtmfPcap.write(dir.resolve("dtmf-2.pcap"), "2");
        assertThat(Files.size(pcap)).isGreaterThan(24);
        SippRunner.Result caller = SippRunner.scenario("uac_ivr.xml", TestServer.HOST).fill("pcap", pcap.toString())
                .key("username", "1001").key("domain", acme.realm()).key("dial", "3000")
                .args("-au", "1001", "-ap", "caller-secret").run(TestServer.HOST, server.sipPort(),
                        Duration.ofSeconds(90));
        assertThat(caller.passed()).as("caller: " + caller.errors()).isTrue();

        JsonNode cdr = await().atMost(Duration.ofSeconds(30)).until(() -> acme.get("/cdrs"), r -> r.size() == 1).get(0);
        JsonNode trace = acme.get("/calls/" + cdr.path("call_id").asString() + "/trace");
        List<String> steps = new ArrayList<>();
        trace.path("steps").forEach(s -> steps.add(s.path("module").asString() + "@" + s.path("path").asString()
                + "->" + s.path("next").asString()));
        assertThat(steps).as(trace.toString()).startsWith("menu@flow->2", "sleep@flow.children.2->_");
        assertThat(trace.path("steps").get(0).path("events").toString()).contains("collect:2");
    }
}
