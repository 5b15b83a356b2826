package dev.switchboard.server.sipp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentKind;
import dev.switchboard.server.TestServer;
import tools.jackson.databind.JsonNode;

/**
 * A long call whose callee vanished without a BYE: the session keep-alive (an OPTIONS in the dialog every 2 s here)
 * gets 481, the callee's leg ends, and the caller is hung up instead of talking to nobody for ever.
 */
class SessionKeepAliveSippTest {
    private static TestServer server;
    private static TestServer.TestAccount acme;
    private static Phones phones;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Map.of("SWITCHBOARD_SESSION_KEEPALIVE_SECONDS", "2"));
        acme = server.account("keepalive");
        acme.create(DocumentKind.DEVICE, """
                {"name":"alice","sip":{"username":"1001","password":"alice-secret"}}""");
        Document bob = acme.create(DocumentKind.DEVICE, """
                {"name":"bob","sip":{"username":"1002","password":"bob-secret"}}""");
        acme.create(DocumentKind.CALLFLOW, """
                {"name":"bob","numbers":["1002"],"flow":{"module":"device","data":{"id":"%s"}}}""".formatted(bob.id()));
        phones = new Phones(server, acme);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aCalleeThatLostTheCallIsFoundOutAndTheCallerHungUp() throws Exception {
        try (SippRunner.Running callee = phones.registered("1002", "bob-secret", "uas_gone.xml")) {
            SippRunner.Result caller = phones.call("1001", "alice-secret", "1002", "uac_call_until_bye.xml");
            assertThat(caller.passed()).as("the caller gets a BYE: " + caller.errors()).isTrue();
            SippRunner.Result gone = callee.await(Duration.ofSeconds(30));
            assertThat(gone.passed()).as("the callee was asked: " + gone.errors()).isTrue();
        }
        JsonNode cdr = await().atMost(Duration.ofSeconds(20)).until(() -> acme.get("/cdrs"), r -> r.size() == 1).get(0);
        assertThat(cdr.path("answer").isNull()).isFalse();
        assertThat(cdr.path("duration_s").asInt()).isLessThan(30);
    }
}
