package dev.switchboard.server.sipp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentKind;
import dev.switchboard.server.TestServer;
import tools.jackson.databind.JsonNode;

/**
 * What happens when a called phone does not answer: the caller gives up while it rings (CANCEL), it is busy (486),
 * or it rings out. The flow's USER_BUSY and NO_ANSWER branches run, as the stored trace shows.
 */
class RingingOutcomesSippTest {
    private static TestServer server;
    private static TestServer.TestAccount acme;
    private static Phones phones;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        acme = server.account("ringing");
        acme.create(DocumentKind.DEVICE, """
                {"name":"caller","sip":{"username":"1001","password":"caller-secret"}}""");
        phones = new Phones(server, acme);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A device {@code username} reached at its own number by a device node with these branches. */
    private static Document callee(String username, int timeout) {
        Document device = acme.create(DocumentKind.DEVICE, """
                {"name":"callee %1$s","sip":{"username":"%1$s","password":"callee-secret"}}""".formatted(username));
        acme.create(DocumentKind.CALLFLOW, """
                {"name":"%1$s","numbers":["%1$s"],"flow":{"module":"device","data":{"id":"%2$s","timeout":%3$d},
                 "children":{"USER_BUSY":{"module":"response","data":{"code":486,"message":"Busy Branch"}},
                             "NO_ANSWER":{"module":"response","data":{"code":480,"message":"No Answer Branch"}}}}}"""
                .formatted(username, device.id(), timeout));
        return device;
    }

    private static JsonNode cdrFor(String dialled) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> find(acme.get("/cdrs"), dialled), r -> r != null);
    }

    private static JsonNode find(JsonNode cdrs, String dialled) {
        for (JsonNode cdr : cdrs) {
            if (cdr.path("callee_number").asString().equals(dialled)) {
                return cdr;
            }
        }
        return null;
    }

    private static List<String> modules(JsonNode trace) {
        List<String> out = new ArrayList<>();
        trace.path("steps").forEach(s -> out.add(s.path("module").asString() + "@" + s.path("path").asString()));
        return out;
    }

    @Test
    void theCallerHangsUpWhileItRings() throws Exception {
        Document callee = callee("2001", 30);
        try (SippRunner.Running phone = phones.registered("2001", "callee-secret", "uas_ring.xml")) {
            SippRunner.Result caller = phones.call("1001", "caller-secret", "2001", "uac_cancel.xml");
            assertThat(caller.passed()).as("caller: " + caller.errors()).isTrue();
            SippRunner.Result rang = phone.await(Duration.ofSeconds(30));
            assertThat(rang.passed()).as("the callee is cancelled too: " + rang.errors()).isTrue();
        }
        JsonNode cdr = cdrFor("2001");
        assertThat(cdr.path("hangup_cause").asString()).isEqualTo("ORIGINATOR_CANCEL");
        assertThat(cdr.path("answer").isNull()).isTrue();
        JsonNode trace = acme.get("/calls/" + cdr.path("call_id").asString() + "/trace");
        assertThat(trace.toString()).doesNotContain("bridge:" + callee.id() + ":answered");
    }

    @Test
    void aBusyPhoneTakesTheBusyBranch() throws Exception {
        Document callee = callee("2002", 30);
        try (SippRunner.Running phone = phones.registered("2002", "callee-secret", "uas_busy.xml")) {
            SippRunner.Result caller = SippRunner.scenario("uac_call_refused.xml", TestServer.HOST)
                    .fill("status", "486").key("username", "1001").key("domain", acme.realm()).key("dial", "2002")
                    .args("-au", "1001", "-ap", "caller-secret").run(TestServer.HOST, server.sipPort(),
                            Duration.ofSeconds(60));
            assertThat(caller.passed()).as("caller: " + caller.errors()).isTrue();
            assertThat(caller.messages()).contains("SIP/2.0 486 Busy Branch");
            assertThat(phone.await(Duration.ofSeconds(30)).passed()).isTrue();
        }
        JsonNode trace = acme.get("/calls/" + cdrFor("2002").path("call_id").asString() + "/trace");
        assertThat(trace.toString()).contains("bridge:" + callee.id() + ":USER_BUSY");
        assertThat(modules(trace)).containsExactly("device@flow", "response@flow.children.USER_BUSY");
    }

    @Test
    void aPhoneThatRingsOutTakesTheNoAnswerBranch() throws Exception {
        Document callee = callee("2003", 3);
        try (SippRunner.Running phone = phones.registered("2003", "callee-secret", "uas_ring.xml")) {
            SippRunner.Result caller = SippRunner.scenario("uac_call_refused.xml", TestServer.HOST)
                    .fill("status", "480").key("username", "1001").key("domain", acme.realm()).key("dial", "2003")
                    .args("-au", "1001", "-ap", "caller-secret").run(TestServer.HOST, server.sipPort(),
                            Duration.ofSeconds(60));
            assertThat(caller.passed()).as("caller: " + caller.errors()).isTrue();
            assertThat(caller.messages()).contains("SIP/2.0 480 No Answer Branch");
            SippRunner.Result rang = phone.await(Duration.ofSeconds(30));
            assertThat(rang.passed()).as("the callee is cancelled after 3 s: " + rang.errors()).isTrue();
        }
        JsonNode trace = acme.get("/calls/" + cdrFor("2003").path("call_id").asString() + "/trace");
        assertThat(trace.toString()).contains("bridge:" + callee.id() + ":NO_ANSWER");
        assertThat(modules(trace)).containsExactly("device@flow", "response@flow.children.NO_ANSWER");
    }
}
