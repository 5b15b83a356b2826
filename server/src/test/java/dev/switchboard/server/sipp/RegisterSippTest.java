package dev.switchboard.server.sipp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentKind;
import dev.switchboard.server.TestServer;
import tools.jackson.databind.JsonNode;

/** sipp phones register with digest authentication: the right password binds, a wrong one is refused. */
class RegisterSippTest {
    private static TestServer server;
    private static TestServer.TestAccount acme;
    private static Document desk;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        acme = server.account("acme");
        desk = acme.create(DocumentKind.DEVICE, """
                {"name":"desk","sip":{"username":"1001","password":"right-secret"}}""");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theRightPasswordRegistersAndTheApiShowsTheContact() throws Exception {
        SippRunner sipp = SippRunner.scenario("register.xml", TestServer.HOST).key("username", "1001")
                .key("domain", acme.realm()).args("-au", "1001", "-ap", "right-secret");
        SippRunner.Result r = sipp.run(TestServer.HOST, server.sipPort(), Duration.ofSeconds(60));
        assertThat(r.passed()).as(r.errors() + r.messages()).isTrue();

        JsonNode registrations = acme.get("/devices/" + desk.id() + "/registrations");
        assertThat(registrations).hasSize(1);
        assertThat(registrations.get(0).path("contact").asString()).isEqualTo("sip:1001@127.0.0.1:" + sipp.port());
        assertThat(registrations.get(0).path("user_agent").asString()).isEqualTo("sipp");
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        Document other = acme.create(DocumentKind.DEVICE, """
                {"name":"other","sip":{"username":"1009","password":"right-secret"}}""");
        SippRunner.Result r = SippRunner.scenario("register_refused.xml", TestServer.HOST).key("username", "1009")
                .key("domain", acme.realm()).args("-au", "1009", "-ap", "wrong-secret")
                .run(TestServer.HOST, server.sipPort(), Duration.ofSeconds(60));
        assertThat(r.passed()).as(r.errors() + r.messages()).isTrue();
        assertThat(acme.get("/devices/" + other.id() + "/registrations")).isEmpty();
    }
}
