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

/**
 * Message waiting with sipp as the phones: the owner's registered phone sees its lamp light when a message is added
 * through the API and go dark when it is deleted; a phone subscribes to a mailbox and is told its state, then
 * unsubscribes; wrong passwords, unknown mailboxes and other event packages are refused.
 */
class MessageWaitingSippTest {
    private static final Duration SIPP = Duration.ofSeconds(60);

    private static TestServer server;
    private static TestServer.TestAccount acme;
    private static Phones phones;
    private static Document ownersBox;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        acme = server.account("mwi");
        Document alice = acme.create(DocumentKind.USER, """
                {"first_name":"Alice","last_name":"Liddell","username":"alice","password":"alice-pw"}""");
        acme.create(DocumentKind.DEVICE, """
                {"name":"alice desk","owner_id":"%s","sip":{"username":"1001","password":"desk-secret"}}"""
                .formatted(alice.id()));
        acme.create(DocumentKind.DEVICE, """
                {"name":"lobby","sip":{"username":"1003","password":"lobby-secret"}}""");
        ownersBox = acme.create(DocumentKind.VMBOX, """
                {"name":"Alice","mailbox":"2000","owner_id":"%s"}""".formatted(alice.id()));
        Document lobbyBox = acme.create(DocumentKind.VMBOX, """
                {"name":"Lobby","mailbox":"3000"}""");
        assertThat(acme.send("PUT", "/vmboxes/" + lobbyBox.id() + "/messages",
                "{\"caller_id_number\":\"5551234\",\"caller_id_name\":\"Caller\"}").status()).isEqualTo(201);
        phones = new Phones(server, acme);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theOwnersPhoneLightsWhenAMessageArrivesThroughTheApiAndGoesDarkWhenItIsDeleted() throws Exception {
        try (SippRunner.Running desk = phones.registered("1001", "desk-secret", "mwi_phone.xml")) {
            // the lamp as it was at registration (dark) must be in before the change, or it could arrive after it
            await().atMost(SIPP).until(() -> unsolicitedDelivered() >= 1);

            TestServer.TestAccount.Answer added = acme.send("PUT", "/vmboxes/" + ownersBox.id() + "/messages",
                    "{\"caller_id_number\":\"5550100\",\"caller_id_name\":\"Mad Hatter\"}");
            assertThat(added.status()).isEqualTo(201);
            String messageId = added.data().path("id").asString();
            await().atMost(SIPP).until(() -> unsolicitedDelivered() >= 2);
            assertThat(acme.send("DELETE", "/vmboxes/" + ownersBox.id() + "/messages/" + messageId, null).status())
                    .isEqualTo(200);

            SippRunner.Result lamp = desk.await(SIPP);
            assertThat(lamp.passed()).as("lit, then dark: " + lamp.errors() + lamp.messages()).isTrue();
        }
    }

    @Test
    void aPhoneSubscribesToAMailboxIsToldItsStateAndUnsubscribes() throws Exception {
        SippRunner.Result r = SippRunner.scenario("subscribe_mwi.xml", TestServer.HOST).key("username", "1003")
                .key("domain", acme.realm()).key("mailbox", "3000").fill("mailbox", "3000").fill("domain", acme.realm()).fill("waiting", "yes")
                .args("-au", "1003", "-ap", "lobby-secret").run(TestServer.HOST, server.sipPort(), SIPP);
        assertThat(r.passed()).as(r.errors() + r.messages()).isTrue();
    }

    @Test
    void aWrongPasswordIsForbiddenAnUnknownMailboxNotFoundAndOtherEventsBad() throws Exception {
        SippRunner.Result wrong = SippRunner.scenario("subscribe_refused.xml", TestServer.HOST)
                .key("username", "1003").key("domain", acme.realm()).key("mailbox", "3000").fill("status", "403")
                .args("-au", "1003", "-ap", "not-the-secret").run(TestServer.HOST, server.sipPort(), SIPP);
        assertThat(wrong.passed()).as(wrong.errors() + wrong.messages()).isTrue();

        SippRunner.Result unknown = SippRunner.scenario("subscribe_refused.xml", TestServer.HOST)
                .key("username", "1003").key("domain", acme.realm()).key("mailbox", "3999").fill("status", "404")
                .args("-au", "1003", "-ap", "lobby-secret").run(TestServer.HOST, server.sipPort(), SIPP);
        assertThat(unknown.passed()).as(unknown.errors() + unknown.messages()).isTrue();

        SippRunner.Result presence = SippRunner.scenario("subscribe_bad_event.xml", TestServer.HOST)
                .key("username", "1003").key("domain", acme.realm()).run(TestServer.HOST, server.sipPort(), SIPP);
        assertThat(presence.passed()).as(presence.errors() + presence.messages()).isTrue();
    }

    /** Unsolicited NOTIFYs phones answered with 2xx. */
    private static double unsolicitedDelivered() {
        return server.metric("switchboard_mwi_notify_total", "kind=\"unsolicited\"", "outcome=\"delivered\"");
    }
}
