package dev.switchboard.server.peers;

import static dev.switchboard.server.peers.PhoneAccount.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
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

import dev.switchboard.core.doc.DocumentKind;
import dev.switchboard.core.doc.Json;
import dev.switchboard.server.TestServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * baresip, a real softphone, registered to the server as phone 1001 of an account set up as the demo is: the registration shows in the API,
 * a menu's greeting (an uploaded 1 kHz WAV) is heard at 1 kHz, a key pressed on the phone (RFC 4733) takes its menu
 * branch (the branch's own tone is heard, and the stored trace says so), and a TTS prompt is heard as speech.
 */
class BaresipTest {
    private static final String MENU = "8100";
    private static final String SPEECH = "8102";
    private static final int GREETING_HZ = 1000;
    private static final int FIRST_BRANCH_HZ = 600;
    private static final int SECOND_BRANCH_HZ = 1500;

    @TempDir
    static Path dir;
    private static TestServer server;
    private static PhoneAccount account;
    private static Baresip phone;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        account = new PhoneAccount(server, "baresip");
        String greeting = account.uploadMedia("1 kHz greeting",
                Files.readAllBytes(RecordedAudio.writeTone(dir.resolve("greeting.wav"), GREETING_HZ, 4)));
        ObjectNode menu = Json.object().put("name", "peer test menu").put("retries", 1).put("timeout", 30_000)
                .put("max_extension_length", 1);
        menu.putObject("media").put("greeting", greeting);
        String menuId = account.create(DocumentKind.MENU, menu).id();
        ObjectNode flow = node("menu", Json.object().put("id", menuId));
        flow.putObject("children")
                .<ObjectNode>set("1", node("play", Json.object().put("id", tone(FIRST_BRANCH_HZ))))
                .set("2", node("play", Json.object().put("id", tone(SECOND_BRANCH_HZ))));
        account.callflow("peer test menu", MENU, flow);
        account.callflow("peer test speech", SPEECH, node("tts", Json.object()
                .put("text", "Thank you for calling. All of our agents are busy. Please stay on the line.")));
        phone = Baresip.start(dir.resolve("1001"), account.baresip("1001"),
                RecordedAudio.writeTone(dir.resolve("microphone.wav"), 300, 120));
        phone.awaitEvent("REGISTER_OK");
    }

    @AfterAll
    static void stop() throws Exception {
        try (TestServer s = server; Baresip p = phone) {
            // closed in reverse order
        }
    }

    @Test
    void theRegistrationShowsInTheApi() {
        String deviceId = account.deviceId("1001");
        JsonNode rows = await().atMost(Duration.ofSeconds(30)).until(
                () -> account.get("/devices/" + deviceId + "/registrations"), r -> !r.isEmpty());
        JsonNode row = rows.get(0);
        assertThat(row.path("user_agent").asString()).containsIgnoringCase("baresip");
        assertThat(row.path("transport").asString()).isEqualToIgnoringCase("udp");
        assertThat(row.path("source_ip").asString()).isEqualTo("127.0.0.1");
        assertThat(row.path("contact").asString()).startsWith("sip:1001").contains("@127.0.0.1:");
        assertThat(row.path("expires_in_s").asLong()).isPositive();
        assertThat(account.get("/devices/status")).anySatisfy(s -> {
            assertThat(s.path("device_id").asString()).isEqualTo(deviceId);
            assertThat(s.path("registered").asBoolean(false)).isTrue();
        });
    }

    @Test
    void theMenuGreetingIsHeardAtItsFrequency() throws Exception {
        phone.dial("sip:" + MENU + "@" + account.realm());
        phone.awaitEvent("CALL_ESTABLISHED");
        phone.awaitHeard("2 s of the 1 kHz greeting", a -> a.secondsOf(GREETING_HZ, 20) >= 2);
        phone.hangup();
        phone.awaitEvent("CALL_CLOSED");

        RecordedAudio heard = phone.heard();
        assertThat(heard.soundRms()).as("%s", heard).isGreaterThan(1000);
        assertThat(heard.dominantFrequency()).as("%s", heard).isCloseTo(GREETING_HZ, within(20));
    }

    @Test
    void aKeyPressedOnThePhoneTakesItsMenuBranch() throws Exception {
        phone.dial("sip:" + MENU + "@" + account.realm());
        String callId = phone.awaitEvent("CALL_ESTABLISHED").path("id").asString();
        phone.awaitHeard("the greeting begin", a -> a.secondsOf(GREETING_HZ, 20) >= 0.5);
        phone.sendDigits("2");
        phone.awaitHeard("branch 2's 1500 Hz tone", a -> a.secondsOf(SECOND_BRANCH_HZ, 20) >= 1);
        phone.hangup();
        phone.awaitEvent("CALL_CLOSED");

        RecordedAudio heard = phone.heard();
        assertThat(heard.secondsOf(FIRST_BRANCH_HZ, 20)).as("branch 1 never plays: %s", heard).isZero();
        JsonNode record = account.awaitCallRecord(callId);
        assertThat(record.path("callee_number").asString()).isEqualTo(MENU);
        List<String> steps = new ArrayList<>();
        account.trace(callId).path("steps").forEach(s -> steps.add(s.path("module").asString() + ":"
                + s.path("path").asString() + "->" + s.path("next").asString("")));
        assertThat(steps).as("the trace of %s", callId).containsSubsequence("menu:flow->2",
                "play:flow.children.2->");
    }

    @Test
    void aTtsPromptIsHeardAsSpeech() throws Exception {
        phone.dial("sip:" + SPEECH + "@" + account.realm());
        phone.awaitEvent("CALL_ESTABLISHED");
        phone.awaitEvent("CALL_CLOSED");

        RecordedAudio heard = phone.heard();
        assertThat(heard.soundSeconds()).as("%s", heard).isGreaterThanOrEqualTo(1.5);
        assertThat(heard.voiceBandShare()).as("%s", heard).isGreaterThan(0.9);
        assertThat(heard.dominantFrequencies()).as("speech moves between frequencies, a tone does not: %s", heard)
                .hasSizeGreaterThanOrEqualTo(5);
        assertThat(heard.bursts()).as("words and phrases come apart: %s", heard).isGreaterThanOrEqualTo(3);
    }

    private static String tone(int hz) {
        return "tone_stream://%(20000,0," + hz + ")";
    }
}
