package dev.switchboard.server.voicemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentKind;
import dev.switchboard.server.TestServer;
import dev.switchboard.server.sipp.RtpPcap;
import dev.switchboard.server.sipp.SippRunner;
import tools.jackson.databind.JsonNode;

/**
 * A message survives a crash: the server runs as its own process, a caller leaves a message, the process is killed
 * with SIGKILL the moment the API lists the message, and a new process on the same data still has it, playable.
 */
class VoicemailCrashTest {
    private static final Duration SIPP = Duration.ofSeconds(120);
    private static final double TONE_HZ = 1000;

    @Test
    void aMessageSavedJustBeforeASigkillIsThereAndPlaysAfterTheRestart(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Document box;
        try (TestServer setup = TestServer.start(Map.of("SWITCHBOARD_DATA", data.toString()))) {
            TestServer.TestAccount crash = setup.account("crash");
            crash.create(DocumentKind.DEVICE, """
                    {"name":"caller","sip":{"username":"1002","password":"caller-secret"}}""");
            box = crash.create(DocumentKind.VMBOX, """
                    {"name":"Box","mailbox":"2000","skip_greeting":true,"skip_instructions":true}""");
            crash.create(DocumentKind.CALLFLOW, """
                    {"name":"voicemail","numbers":["2000"],"flow":{"module":"voicemail","data":{"id":"%s"}}}"""
                    .formatted(box.id()));
        }
        String messages = "/v2/accounts/" + box.accountId() + "/vmboxes/" + box.id() + "/messages";
        Path pcap = new RtpPcap().tone(TONE_HZ, Duration.ofSeconds(3)).write(dir.resolve("tone.pcap"));

        String messageId;
        try (ChildServer first = ChildServer.start(data, dir.resolve("first.log"), Map.of())
                .signIn("crash", "admin", "pw-crash")) {
            SippRunner.Running caller = SippRunner.scenario("uac_leave_message.xml", TestServer.HOST)
                    .fill("pcap", pcap.toString()).fill("lead", "700").fill("talk", "3000")
                    .key("username", "1002").key("domain", "crash.test").key("dial", "2000")
                    .args("-au", "1002", "-ap", "caller-secret").call(TestServer.HOST, first.sipPort());
            try (caller) {
                JsonNode listed = await().atMost(SIPP).pollInterval(Duration.ofMillis(20))
                        .until(() -> first.get(messages), m -> m.map(JsonNode::size).orElse(0) == 1).orElseThrow();
                first.kill();
                messageId = listed.get(0).path("id").asString();
            }
        }

        try (ChildServer second = ChildServer.start(data, dir.resolve("second.log"), Map.of())
                .signIn("crash", "admin", "pw-crash")) {
            JsonNode after = second.get(messages).orElseThrow();
            assertThat(after).hasSize(1);
            assertThat(after.get(0).path("id").asString()).isEqualTo(messageId);
            assertThat(after.get(0).path("caller_id_number").asString()).isEqualTo("1002");
            Optional<byte[]> audio = second.bytes(messages + "/" + messageId + "/raw");
            assertThat(audio).as("the audio is there").isPresent();
            RecordedAudio heard = RecordedAudio.decode(audio.get());
            assertThat(heard.dominantHz()).isCloseTo(TONE_HZ, within(20.0));
            assertThat(heard.toneSeconds(TONE_HZ)).isGreaterThan(2.0);
        }
    }
}
