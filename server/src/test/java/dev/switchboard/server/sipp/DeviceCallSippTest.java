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

/** Two sipp phones of an account: 1001 calls 1002, which is registered and answers; the call leaves a record. */
class DeviceCallSippTest {
    private static TestServer server;
    private static TestServer.TestAccount acme;
    private static Phones phones;
    private static Document bob;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        acme = server.account("devcall");
        acme.create(DocumentKind.DEVICE, """
                {"name":"alice","sip":{"username":"1001","password":"alice-secret"}}""");
        bob = acme.create(DocumentKind.DEVICE, """
                {"name":"bob","sip":{"username":"1002","password":"bob-secret"}}""");
        acme.create(DocumentKind.CALLFLOW, """
                {"name":"bob","numbers":["1002"],"flow":{"module":"device","data":{"id":"%s"}}}"""
                .formatted(bob.id()));
        phones = new Phones(server, acme);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void oneDeviceCallsAnotherThatAnswers() throws Exception {
        try (SippRunner.Running callee = phones.registered("1002", "bob-secret", "uas_answer.xml")) {
            SippRunner.Result caller = phones.call("1001", "alice-secret", "1002", "uac_call.xml");
            assertThat(caller.passed()).as("caller: " + caller.errors()).isTrue();
            SippRunner.Result answered = callee.await(Duration.ofSeconds(30));
            assertThat(answered.passed()).as("callee: " + answered.errors()).isTrue();
        }
        JsonNode cdr = await().atMost(Duration.ofSeconds(20)).until(() -> acme.get("/cdrs"), r -> r.size() == 1).get(0);
        assertThat(cdr.path("callee_number").asString()).isEqualTo("1002");
        assertThat(cdr.path("caller_id_number").asString()).isEqualTo("1001");
        assertThat(cdr.path("direction").asString()).isEqualTo("internal");
        assertThat(cdr.path("answer").isNull()).isFalse();
        assertThat(cdr.path("billing_s").asInt()).isBetween(0, 10);
        JsonNode trace = acme.get("/calls/" + cdr.path("call_id").asString() + "/trace");
        assertThat(trace.toString()).contains("bridge:" + bob.id() + ":answered");
        assertThat(trace.path("result").path("end").asString()).isEqualTo("bridged");
    }
}
