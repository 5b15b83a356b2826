package dev.switchboard.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.Notice;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.node.ObjectNode;

class MailerTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Map<String, String> MISSED = Map.of("caller", "Ann Lee (+15555550100)", "to", "1000",
            "date", "2026-11-25 10:00:00 EST", "call_answered", "no", "voicemail_left", "no", "call_id", "c-1");

    @TempDir
    java.nio.file.Path dir;
    private MailFixture fx;

    @BeforeEach
    void open() {
        fx = new MailFixture(dir);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private List<Document> outbox() {
        return new Outbox(fx.store, fx.store).pending();
    }

    @Test
    void aNoticeIsRenderedAndDeliveredWithItsFilesAndThenLeavesTheOutbox() throws Exception {
        GreenMail smtp = fx.smtpUp();
        fx.store.putAttachment("acct1", "msg1", "audio", "audio/wav", new byte[] {'R', 'I', 'F', 'F', 1, 2, 3});
        Mailer mailer = fx.startedMailer();

        mailer.send(new Notice("missed_call_alert", List.of("ann@example.com", "desk@example.com"), MISSED,
                List.of(new Notice.Stored("voicemail-msg1.wav", "acct1", "msg1", "audio"),
                        new Notice.Inline("note.txt", "text/plain", "hello".getBytes())), null));

        assertThat(smtp.waitForIncomingEmail(PATIENCE.toMillis(), 1)).isTrue();
        assertThat(smtp.getReceivedMessages()).as("one copy for each recipient").hasSize(2);
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Missed call from Ann Lee (+15555550100)");
        assertThat(received.getFrom()[0].toString()).isEqualTo("pbx@switchboard.test");
        assertThat(received.getAllRecipients()).extracting(Object::toString)
                .containsExactly("ann@example.com", "desk@example.com");
        assertThat(MailFixture.text(received)).contains("Call-ID: c-1");
        List<BodyPart> files = MailFixture.attachments(received);
        assertThat(files).extracting(BodyPart::getFileName).containsExactly("voicemail-msg1.wav", "note.txt");
        assertThat(files.get(0).getContentType()).startsWith("audio/wav");
        assertThat(files.get(0).getInputStream().readAllBytes()).containsExactly('R', 'I', 'F', 'F', 1, 2, 3);
        await().atMost(PATIENCE).until(() -> outbox().isEmpty());
    }

    @Test
    void overTlsFromTheFirstByteWithALogin() throws Exception {
        GreenMail smtps = new GreenMail(MailFixture.patient(ServerSetupTest.SMTPS.dynamicPort()))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("pbx@switchboard.test", "pbx", "secret"));
        smtps.start();
        try {
            SmtpConfig tls = new SmtpConfig("127.0.0.1", smtps.getSmtps().getPort(), SmtpConfig.Security.TLS, "pbx",
                    "secret", "pbx@switchboard.test", "*");
            Mailer mailer = fx.mailer(tls, MailFixture.FAST);
            mailer.start();
            mailer.send(new Notice("missed_call_alert", List.of("ann@example.com"), MISSED));
            assertThat(smtps.waitForIncomingEmail(PATIENCE.toMillis(), 1)).isTrue();
            assertThat(smtps.getReceivedMessages()[0].getSubject()).isEqualTo("Missed call from Ann Lee (+15555550100)");
        } finally {
            smtps.stop();
        }
    }

    @Test
    void starttlsRequiredIsNotDowngradedToPlainText() {
        GreenMail plain = fx.smtpUp();
        SmtpConfig starttls = new SmtpConfig("127.0.0.1", fx.port, SmtpConfig.Security.STARTTLS, "pbx", "secret",
                "pbx@switchboard.test", null);
        Mailer mailer = fx.mailer(starttls, MailFixture.FAST);
        mailer.start();
        mailer.send(new Notice("missed_call_alert", List.of("ann@example.com"), MISSED));

        await().atMost(PATIENCE).until(() -> outbox().getFirst().body().path("attempts").asInt() >= 1);
        assertThat(outbox().getFirst().body().path("last_error").asString()).containsIgnoringCase("STARTTLS");
        assertThat(plain.getReceivedMessages()).isEmpty();
    }

    @Test
    void whileTheServerIsDownTheEMailWaitsAndIsTriedAgainWithGrowingDelays() {
        Mailer mailer = fx.startedMailer();
        mailer.send(new Notice("missed_call_alert", List.of("ann@example.com"), MISSED));

        await().atMost(PATIENCE).until(() -> outbox().getFirst().body().path("attempts").asInt() >= 3);
        ObjectNode entry = outbox().getFirst().body();
        assertThat(entry.path("status").asString()).isEqualTo("pending");
        assertThat(entry.path("last_error").asString()).contains("Exception");

        GreenMail smtp = fx.smtpUp();
        assertThat(smtp.waitForIncomingEmail(PATIENCE.toMillis(), 1)).isTrue();
        await().atMost(PATIENCE).until(() -> outbox().isEmpty());
        assertThat(fx.metrics.counter("switchboard.email.retried").count()).isGreaterThanOrEqualTo(3);
        await().atMost(PATIENCE).until(() -> fx.metrics.counter("switchboard.email.delivered").count() == 1);
        assertThat(fx.metrics.get("switchboard.email.waiting").gauge().value()).isZero();
    }

    @Test
    void aNewMailerOnTheSameStoreSendsWhatTheOldOneLeft() throws Exception {
        Mailer before = fx.startedMailer();
        before.send(new Notice("missed_call_alert", List.of("ann@example.com"), MISSED));
        await().atMost(PATIENCE).until(() -> outbox().getFirst().body().path("attempts").asInt() >= 1);
        before.close();

        GreenMail smtp = fx.smtpUp();
        fx.startedMailer();
        assertThat(smtp.waitForIncomingEmail(PATIENCE.toMillis(), 1)).isTrue();
        assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("Missed call from Ann Lee (+15555550100)");
        await().atMost(PATIENCE).until(() -> outbox().isEmpty());
    }

    @Test
    void afterTooLongTheEMailIsGivenUpOnButKept() {
        Mailer mailer = fx.mailer(fx.config(), new Backoff(Duration.ofMillis(100), Duration.ofMillis(200),
                Duration.ofMillis(600)));
        mailer.start();
        mailer.send(new Notice("missed_call_alert", List.of("ann@example.com"), MISSED));

        await().atMost(PATIENCE).until(() -> outbox().isEmpty());
        Document failed = fx.store.list(Outbox.ACCOUNT, Outbox.TYPE, dev.switchboard.core.doc.ListQuery.all())
                .documents().getFirst();
        assertThat(failed.body().path("status").asString()).isEqualTo("failed");
        assertThat(failed.body().path("attempts").asInt()).isGreaterThan(1);
        assertThat(failed.body().path("subject").asString()).isEqualTo("Missed call from Ann Lee (+15555550100)");
    }

    @Test
    void anAddressThatCannotBeOneFailsAtOnceWithoutRetrying() {
        fx.smtpUp();
        Mailer mailer = fx.startedMailer();
        mailer.send(new Notice("missed_call_alert", List.of("not an address@@"), MISSED));

        await().atMost(PATIENCE).until(() -> outbox().isEmpty());
        Document failed = fx.store.list(Outbox.ACCOUNT, Outbox.TYPE, dev.switchboard.core.doc.ListQuery.all())
                .documents().getFirst();
        assertThat(failed.body().path("status").asString()).isEqualTo("failed");
        assertThat(failed.body().path("attempts").asInt()).isEqualTo(1);
        assertThat(fx.metrics.counter("switchboard.email.failed").count()).isEqualTo(1);
    }

    @Test
    void withoutAnSmtpServerEMailsAreKept() {
        Mailer mailer = fx.mailer(SmtpConfig.none(), MailFixture.FAST);
        mailer.start();
        mailer.send(new Notice("missed_call_alert", List.of("ann@example.com"), MISSED));
        assertThat(outbox()).singleElement().satisfies(e ->
                assertThat(e.body().path("to").get(0).asString()).isEqualTo("ann@example.com"));
    }

    @Test
    void aMessageIsFiledOnlyOnceItsEMailIsDeliveredAndOnlyIfStillNew() {
        ObjectNode message = Json.object().put("source_id", "box1").put("folder", "new").put("timestamp", 1L);
        fx.store.create("acct1", "mailbox_message", "m1", message);
        fx.store.create("acct1", "mailbox_message", "m2", message.deepCopy());
        Mailer mailer = fx.startedMailer();
        mailer.send(new Notice("missed_call_alert", List.of("ann@example.com"), MISSED, List.of(),
                new Notice.Filing("acct1", "m1", "deleted")));
        mailer.send(new Notice("missed_call_alert", List.of("ann@example.com"), MISSED, List.of(),
                new Notice.Filing("acct1", "m2", "deleted")));
        await().atMost(PATIENCE).until(() -> outbox().getFirst().body().path("attempts").asInt() >= 1);
        assertThat(folder("m1")).as("not delivered yet").isEqualTo("new");
        fx.store.update("acct1", "m2", null, message.deepCopy().put("folder", "saved"));

        GreenMail smtp = fx.smtpUp();
        assertThat(smtp.waitForIncomingEmail(PATIENCE.toMillis(), 2)).isTrue();
        await().atMost(PATIENCE).until(() -> folder("m1").equals("deleted"));
        await().atMost(PATIENCE).until(() -> outbox().isEmpty());
        assertThat(folder("m2")).as("the owner's choice wins").isEqualTo("saved");
    }

    private String folder(String id) {
        return fx.store.get("acct1", id).orElseThrow().body().path("folder").asString();
    }
}
