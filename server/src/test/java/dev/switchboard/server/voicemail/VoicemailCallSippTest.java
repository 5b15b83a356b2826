package dev.switchboard.server.voicemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentKind;
import dev.switchboard.server.TestServer;
import dev.switchboard.server.sipp.Phones;
import dev.switchboard.server.sipp.RtpPcap;
import dev.switchboard.server.sipp.SippRunner;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

/**
 * Voicemail on real calls, sipp as the phones and GreenMail as the mail server: a caller leaves a message of a known
 * tone and hangs up while it records; the message is in the API with the caller's number, the right length and the
 * tone, the owner's phone lamp lights, and the e-mail carries the audio. The owner checks a box by DTMF (a wrong
 * PIN, then the right one; keep one message, delete the other) and the API sees each change. A full box says so and
 * takes nothing.
 */
class VoicemailCallSippTest {
    private static final Duration SIPP = Duration.ofSeconds(120);
    private static final double TONE_HZ = 1000;
    private static final Duration TONE = Duration.ofSeconds(4);

    private static GreenMail smtp;
    private static TestServer server;
    private static TestServer.TestAccount acme;
    private static Phones phones;
    private static Document ownersBox;
    private static Document checkedBox;
    private static Document fullBox;

    @BeforeAll
    static void start() throws Exception {
        ServerSetup setup = ServerSetupTest.SMTP.dynamicPort();
        setup.setServerStartupTimeout(30_000);
        smtp = new GreenMail(setup);
        smtp.start();
        server = TestServer.start(Map.of("SWITCHBOARD_SMTP_HOST", "127.0.0.1",
                "SWITCHBOARD_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()),
                "SWITCHBOARD_SMTP_FROM", "pbx@vm.test"));
        acme = server.account("vm");
        Document alice = acme.create(DocumentKind.USER, """
                {"first_name":"Alice","last_name":"Liddell","username":"alice","password":"alice-pw",
                 "email":"alice@example.com"}""");
        acme.create(DocumentKind.DEVICE, """
                {"name":"alice desk","owner_id":"%s","sip":{"username":"1001","password":"desk-secret"}}"""
                .formatted(alice.id()));
        acme.create(DocumentKind.DEVICE, """
                {"name":"hatter","sip":{"username":"1002","password":"hatter-secret"}}""");
        ownersBox = acme.create(DocumentKind.VMBOX, """
                {"name":"Alice","mailbox":"2000","owner_id":"%s","pin":"2468","skip_greeting":true,
                 "skip_instructions":true}""".formatted(alice.id()));
        checkedBox = acme.create(DocumentKind.VMBOX, """
                {"name":"Front desk","mailbox":"3000","pin":"1234","is_setup":true}""");
        fullBox = acme.create(DocumentKind.VMBOX, """
                {"name":"Full","mailbox":"4000","max_message_count":1}""");
        acme.create(DocumentKind.CALLFLOW, """
                {"name":"alice voicemail","numbers":["2000"],"flow":{"module":"voicemail","data":{"id":"%s"}}}"""
                .formatted(ownersBox.id()));
        acme.create(DocumentKind.CALLFLOW, """
                {"name":"full voicemail","numbers":["4000"],"flow":{"module":"voicemail","data":{"id":"%s"}}}"""
                .formatted(fullBox.id()));
        acme.create(DocumentKind.CALLFLOW, """
                {"name":"check voicemail","numbers":["*98"],"flow":{"module":"voicemail","data":{"action":"check"}}}""");
        phones = new Phones(server, acme);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        smtp.stop();
    }

    @Test
    void aCallerLeavesAMessageOfAToneAndHangsUpWhileItRecords(@TempDir Path dir) throws Exception {
        try (SippRunner.Running desk = phones.registered("1001", "desk-secret", "mwi_phone.xml")) {
            await().atMost(SIPP).until(() -> unsolicitedNotifies() >= 1);
            Path pcap = new RtpPcap().tone(TONE_HZ, TONE).write(dir.resolve("tone.pcap"));
            SippRunner.Result caller = SippRunner.scenario("uac_leave_message.xml", TestServer.HOST)
                    .fill("pcap", pcap.toString()).fill("lead", "700").fill("talk", Long.toString(TONE.toMillis()))
                    .key("username", "1002").key("domain", acme.realm()).key("dial", "2000")
                    .args("-au", "1002", "-ap", "hatter-secret").run(TestServer.HOST, server.sipPort(), SIPP);
            assertThat(caller.passed()).as("caller: " + caller.errors()).isTrue();

            JsonNode message = await().atMost(SIPP).until(() -> messages(ownersBox), m -> m.size() == 1).get(0);
            assertThat(message.path("folder").asString()).isEqualTo("new");
            assertThat(message.path("caller_id_number").asString()).isEqualTo("1002");
            assertThat(message.path("length").asLong()).as("recorded length (ms)")
                    .isCloseTo(TONE.toMillis(), within(TONE.toMillis() / 10));
            byte[] audio = acme.bytes("/vmboxes/" + ownersBox.id() + "/messages/" + message.path("id").asString()
                    + "/raw");
            assertThat(audio).isNotNull();
            RecordedAudio heard = RecordedAudio.decode(audio);
            assertThat(heard.dominantHz()).isCloseTo(TONE_HZ, within(20.0));
            assertThat(heard.toneSeconds(TONE_HZ)).isGreaterThan(TONE.toMillis() / 1000.0 * 0.8);

            assertThat(smtp.waitForIncomingEmail(60_000, 1)).as("e-mail to the owner").isTrue();
            MimeMessage mail = smtp.getReceivedMessages()[0];
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("alice@example.com");
            byte[] attached = audioAttachment(mail);
            assertThat(RecordedAudio.decode(attached).dominantHz()).isCloseTo(TONE_HZ, within(20.0));

            assertThat(acme.send("DELETE", "/vmboxes/" + ownersBox.id() + "/messages/"
                    + message.path("id").asString(), null).status()).isEqualTo(200);
            SippRunner.Result lamp = desk.await(SIPP);
            assertThat(lamp.passed()).as("the desk phone's lamp lit, then went dark: " + lamp.errors()).isTrue();
        }
    }

    @Test
    void theBoxIsCheckedByDtmfWithAWrongPinThenTheRightOneAndEachChangeReachesTheApi(@TempDir Path dir)
            throws Exception {
        String older = seedMessage(checkedBox, "5550001", 63_000_000_000L);
        String newer = seedMessage(checkedBox, "5550002", 63_000_000_100L);
        // box number, a wrong PIN, the right one, hear new messages: keep the newest (1), delete the next (7), exit
        Path pcap = new RtpPcap().keys("3000#").keys("9999#").keys("1234#").keys("1").keys("1").keys("7")
                .keys("#").write(dir.resolve("check.pcap"));
        SippRunner.Running caller = SippRunner.scenario("uac_ivr.xml", TestServer.HOST).fill("pcap", pcap.toString())
                .key("username", "1002").key("domain", acme.realm()).key("dial", "*98")
                .args("-au", "1002", "-ap", "hatter-secret").call(TestServer.HOST, server.sipPort());
        try (caller) {
            await().atMost(SIPP).until(() -> folder(checkedBox, newer).equals("saved"));
            assertThat(folder(checkedBox, older)).as("not yet heard").isEqualTo("new");
            await().atMost(SIPP).until(() -> folder(checkedBox, older).equals("deleted"));
            SippRunner.Result r = caller.await(SIPP);
            assertThat(r.passed()).as("the box hung up after #: " + r.errors()).isTrue();
        }
        JsonNode cdr = await().atMost(SIPP).until(() -> callTo("*98"), c -> c != null);
        String trace = acme.get("/calls/" + cdr.path("call_id").asString() + "/trace").toString();
        assertThat(trace).contains("voicemail:wrong_pin:1").contains("voicemail:pin_login");
        assertThat(server.server().documents().store().get(acme.id(), checkedBox.id()).orElseThrow().body()
                .has("pvt_failed_logins")).as("the right PIN cleared the count").isFalse();
    }

    @Test
    void aFullBoxSaysSoAndTakesNoMessage(@TempDir Path dir) throws Exception {
        String kept = seedMessage(fullBox, "5550003", 63_000_000_000L);
        Path pcap = new RtpPcap().tone(TONE_HZ, Duration.ofSeconds(2)).write(dir.resolve("short.pcap"));
        SippRunner.Result caller = SippRunner.scenario("uac_ivr.xml", TestServer.HOST).fill("pcap", pcap.toString())
                .key("username", "1002").key("domain", acme.realm()).key("dial", "4000")
                .args("-au", "1002", "-ap", "hatter-secret").run(TestServer.HOST, server.sipPort(), SIPP);
        assertThat(caller.passed()).as("the box hung up after saying it is full: " + caller.errors()).isTrue();

        JsonNode cdr = await().atMost(SIPP).until(() -> callTo("4000"), c -> c != null);
        String trace = acme.get("/calls/" + cdr.path("call_id").asString() + "/trace").toString();
        assertThat(trace).contains("voicemail:full").contains("vm-mailbox_full");
        assertThat(messages(fullBox)).extracting(m -> m.path("id").asString()).containsExactly(kept);
    }

    /** A message in a box through the API, with audio of a second of tone. */
    private static String seedMessage(Document box, String callerNumber, long gregorianTimestamp) throws IOException {
        TestServer.TestAccount.Answer created = acme.send("PUT", "/vmboxes/" + box.id() + "/messages", """
                {"caller_id_number":"%s","caller_id_name":"Seeded","timestamp":%d,"length":1000}"""
                .formatted(callerNumber, gregorianTimestamp));
        assertThat(created.status()).isEqualTo(201);
        String id = created.data().path("id").asString();
        assertThat(acme.upload("/vmboxes/" + box.id() + "/messages/" + id + "/raw", toneWav(), "audio/wav"))
                .isEqualTo(200);
        return id;
    }

    private static byte[] toneWav() {
        short[] pcm = new short[8000];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) Math.round(8000 * Math.sin(2 * Math.PI * 600 * i / 8000.0));
        }
        return dev.switchboard.media.audio.WavEncoder.encode(pcm);
    }

    private static JsonNode messages(Document box) {
        return acme.get("/vmboxes/" + box.id() + "/messages");
    }

    private static String folder(Document box, String messageId) {
        JsonNode m = acme.get("/vmboxes/" + box.id() + "/messages/" + messageId);
        return m == null ? "" : m.path("folder").asString();
    }

    /** The record of the finished call to {@code number}, or null. */
    private static JsonNode callTo(String number) {
        JsonNode cdrs = acme.get("/cdrs");
        if (cdrs == null) {
            return null;
        }
        for (JsonNode c : cdrs) {
            if (c.path("callee_number").asString().equals(number)) {
                return c;
            }
        }
        return null;
    }

    private static byte[] audioAttachment(MimeMessage mail) throws Exception {
        Multipart parts = (Multipart) mail.getContent();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            seen.add(part.getContentType());
            if (part.getContentType().startsWith("audio/")) {
                try (InputStream in = part.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                    in.transferTo(out);
                    return out.toByteArray();
                }
            }
        }
        throw new AssertionError("no audio attached, only " + seen);
    }

    /** Unsolicited NOTIFYs phones answered with 2xx. */
    private static double unsolicitedNotifies() {
        return server.metric("switchboard_mwi_notify_total", "kind=\"unsolicited\"", "outcome=\"delivered\"");
    }
}
