package dev.switchboard.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;

import dev.switchboard.core.call.CallInfo;
import dev.switchboard.core.call.Party;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.ActionRegistry;
import dev.switchboard.core.engine.CallRunner;
import dev.switchboard.core.engine.Presence;
import dev.switchboard.core.engine.Services;
import dev.switchboard.core.engine.StoreDocuments;
import dev.switchboard.core.engine.Trace;
import dev.switchboard.core.engine.WebClient;
import dev.switchboard.core.routing.Router;
import dev.switchboard.core.sim.CallerScript;
import dev.switchboard.core.sim.EndpointBehaviours;
import dev.switchboard.core.sim.SimulatedCall;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.node.ObjectNode;

/** Calls run by the engine on the simulator, against the real store, with the SMTP mailer as their notifier. */
class VoicemailEmailTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** vm-person, the box number said digit by digit, vm-not_available, vm-record_message, the beep. */
    private static final long UNTIL_RECORDING_MS = 2000 + 4 * 400 + 2000 + 2000 + 500;
    private static final String ACCOUNT = "acct00000000000000000000000000a1";

    @TempDir
    Path dir;
    private MailFixture fx;
    private Mailer mailer;

    @BeforeEach
    void open() {
        fx = new MailFixture(dir);
        fx.store.create(ACCOUNT, "account", ACCOUNT, Json.object().put("name", "Acme").put("realm", "acme.test")
                .put("timezone", "America/New_York"));
        doc("user", "ann", """
                {"first_name":"Ann","last_name":"Lee","email":"ann@example.com"}""");
        doc("vmbox", "box1", """
                {"name":"Ann's box","mailbox":"1001","pin":"1234","owner_id":"ann","is_setup":true,
                 "notify_email_addresses":["desk@example.com"]}""");
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private void doc(String type, String id, String json) {
        ObjectNode body = (ObjectNode) Json.parse(json);
        if (fx.store.get(ACCOUNT, id).isPresent()) {
            fx.store.update(ACCOUNT, id, null, body);
        } else {
            fx.store.create(ACCOUNT, type, id, body);
        }
    }

    private void startMailer() {
        mailer = fx.startedMailer();
    }

    /** Runs a call to {@code flow}; the caller waits {@code waitMs}, then hangs up. */
    private void call(String flow, long waitMs) {
        Presence presence = new Presence() {
            @Override
            public void update(String presenceId, String state) {
            }

            @Override
            public void messageWaiting(String accountId, String vmboxId, int newMessages, int savedMessages) {
            }
        };
        Services services = new Services(mailer, (m, u, h, b) -> new WebClient.Response(404, "text/plain", ""),
                presence, accountId -> List.of());
        CallInfo info = new CallInfo("call-" + System.nanoTime(), ACCOUNT, "1001",
                new Party("+15555550100", "Test Caller"), null, null, true);
        SimulatedCall sim = new SimulatedCall(info, Instant.parse("2026-11-25T15:00:00Z"),
                CallerScript.parse(Json.parse("[{\"wait_ms\":" + waitMs + "},{\"hangup\":true}]")),
                new EndpointBehaviours(Map.of()), "en-us");
        new CallRunner(ActionRegistry.load(), new Router()).run(new Trace(), sim,
                new StoreDocuments(fx.store, fx.store, ACCOUNT), services, (ObjectNode) Json.parse(flow));
    }

    private void leaveMessage(long seconds) {
        call("{\"module\":\"voicemail\",\"data\":{\"id\":\"box1\"}}", UNTIL_RECORDING_MS + seconds * 1000);
    }

    private List<Document> messages() {
        return fx.store.findByIndex(ACCOUNT, DocumentIndexes.MESSAGE_VMBOX, "box1");
    }

    @Test
    void aMessageLeftReachesTheOwnerByEMailWithTheRecordingAttached() throws Exception {
        GreenMail smtp = fx.smtpUp();
        startMailer();
        leaveMessage(3);

        assertThat(smtp.waitForIncomingEmail(PATIENCE.toMillis(), 1)).isTrue();
        Document message = messages().getFirst();
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("New voicemail from Test Caller (+15555550100)");
        assertThat(received.getAllRecipients()).extracting(Object::toString)
                .containsExactly("ann@example.com", "desk@example.com");
        assertThat(MailFixture.text(received)).contains("mailbox 1001 (Ann's box)", "From: Test Caller (+15555550100)",
                "Length: 0:03 (3 s)", "Received: Wed 25 Nov 2026 10:00");
        BodyPart audio = MailFixture.attachments(received).getFirst();
        assertThat(audio.getFileName()).isEqualTo("voicemail-" + message.id() + ".wav");
        assertThat(audio.getContentType()).startsWith("audio/wav");
        assertThat(audio.getInputStream().readAllBytes())
                .isEqualTo(fx.store.attachment(ACCOUNT, message.id(), "audio").orElseThrow().bytes());
        assertThat(message.body().path("folder").asString()).isEqualTo("new");
    }

    @Test
    void deleteAfterNotifyFilesTheMessageOnlyOnceTheEMailIsDelivered() {
        doc("vmbox", "box1", """
                {"name":"Ann's box","mailbox":"1001","owner_id":"ann","is_setup":true,"delete_after_notify":true}""");
        startMailer();
        leaveMessage(2);
        String id = messages().getFirst().id();
        await().atMost(PATIENCE).until(() -> new Outbox(fx.store, fx.store).pending().getFirst().body()
                .path("attempts").asInt() >= 1);
        assertThat(folder(id)).as("the SMTP server is down: nobody was told yet").isEqualTo("new");

        GreenMail smtp = fx.smtpUp();
        assertThat(smtp.waitForIncomingEmail(PATIENCE.toMillis(), 1)).isTrue();
        await().atMost(PATIENCE).until(() -> folder(id).equals("deleted"));
    }

    @Test
    void saveAfterNotifyFilesTheMessageAsSaved() {
        doc("vmbox", "box1", """
                {"name":"Ann's box","mailbox":"1001","owner_id":"ann","is_setup":true,"save_after_notify":true,
                 "delete_after_notify":true,"include_message_on_notify":false}""");
        GreenMail smtp = fx.smtpUp();
        startMailer();
        leaveMessage(2);
        assertThat(smtp.waitForIncomingEmail(PATIENCE.toMillis(), 1)).isTrue();
        String id = messages().getFirst().id();
        await().atMost(PATIENCE).until(() -> folder(id).equals("saved"));
    }

    @Test
    void aMissedCallIsReportedByEMail() throws Exception {
        GreenMail smtp = fx.smtpUp();
        startMailer();
        call("""
                {"module":"missed_call_alert","data":{"recipients":[{"type":"user","id":"ann"}]},
                 "children":{"_":{"module":"play","data":{"id":"closed"}}}}""", 1000);

        assertThat(smtp.waitForIncomingEmail(PATIENCE.toMillis(), 1)).isTrue();
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Missed call from Test Caller (+15555550100)");
        assertThat(MailFixture.text(received)).contains("To: 1001", "When: 2026-11-25 10:00:00 EST",
                "Call answered: no", "Voicemail left: no");
        assertThat(MailFixture.attachments(received)).isEmpty();
    }

    @Test
    void aFullBoxTellsItsPeopleOnce() throws Exception {
        doc("vmbox", "box1", """
                {"name":"Ann's box","mailbox":"1001","owner_id":"ann","is_setup":true,"max_message_count":1}""");
        GreenMail smtp = fx.smtpUp();
        startMailer();
        leaveMessage(2);
        leaveMessage(2);
        leaveMessage(2);

        await().atMost(PATIENCE).until(() -> smtp.getReceivedMessages().length == 2);
        List<String> subjects = new java.util.ArrayList<>();
        MimeMessage full = null;
        for (MimeMessage m : smtp.getReceivedMessages()) {
            subjects.add(m.getSubject());
            full = m.getSubject().contains("full") ? m : full;
        }
        assertThat(subjects).containsExactlyInAnyOrder("New voicemail from Test Caller (+15555550100)",
                "Voicemail box 1001 is full");
        assertThat(messages()).hasSize(1);
        assertThat(MailFixture.text(full)).contains("holds 1 messages, its limit of 1");
    }

    @Test
    void anOperatorsTemplateDirectoryChangesTheWords() throws Exception {
        Files.createDirectories(fx.templates);
        Files.writeString(fx.templates.resolve("voicemail_to_email.subject.txt"), "VM {{mailbox}}: {{caller_id_number}}");
        Files.writeString(fx.templates.resolve("voicemail_to_email.html"), "<p>{{caller_id_name}} left {{length}}</p>");
        GreenMail smtp = fx.smtpUp();
        startMailer();
        leaveMessage(4);

        assertThat(smtp.waitForIncomingEmail(PATIENCE.toMillis(), 1)).isTrue();
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("VM 1001: +15555550100");
        jakarta.mail.Multipart alternative = (jakarta.mail.Multipart) ((jakarta.mail.Multipart) received.getContent())
                .getBodyPart(0).getContent();
        assertThat((String) alternative.getBodyPart(1).getContent()).isEqualTo("<p>Test Caller left 0:04</p>");
    }

    private String folder(String id) {
        return fx.store.get(ACCOUNT, id).orElseThrow().body().path("folder").asString();
    }
}
