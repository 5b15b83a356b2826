package dev.switchboard.server.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.switchboard.server.TestServer;
import tools.jackson.databind.JsonNode;

/**
 * Two baresip phones registered as 1001 and 1002: 1001 dials 1002's extension, 1002 answers, and each
 * hears the other's microphone (440 Hz one way, 1000 Hz the other), so audio crosses the bridge both ways.
 */
class BaresipToBaresipTest {
    private static final int ALICE_HZ = 440;
    private static final int BOB_HZ = 1000;

    @Test
    void aCallBetweenTwoPhonesCarriesAudioBothWays(@TempDir Path dir) throws Exception {
        try (TestServer server = TestServer.start()) {
            PhoneAccount account = new PhoneAccount(server, "twophones");
            callBetween(account, dir);
        }
    }

    private static void callBetween(PhoneAccount account, Path dir) throws Exception {
        try (Baresip alice = Baresip.start(dir.resolve("1001"), account.baresip("1001"),
                     RecordedAudio.writeTone(dir.resolve("alice.wav"), ALICE_HZ, 120));
             Baresip bob = Baresip.start(dir.resolve("1002"), account.baresip("1002"),
                     RecordedAudio.writeTone(dir.resolve("bob.wav"), BOB_HZ, 120))) {
            alice.awaitEvent("REGISTER_OK");
            bob.awaitEvent("REGISTER_OK");

            alice.dial("sip:1002@" + account.realm());
            // the phone answers at once (answermode=auto): no CALL_INCOMING comes first
            JsonNode incoming = bob.awaitEvent("CALL_ESTABLISHED");
            assertThat(incoming.path("peeruri").asString()).as("the caller Bob's phone shows (From)")
                    .matches("sip:1001@[^:;>]+");
            alice.awaitEvent("CALL_ESTABLISHED");
            alice.awaitHeard("2 s of Bob's 1000 Hz", a -> a.secondsOf(BOB_HZ, 20) >= 2);
            bob.awaitHeard("2 s of Alice's 440 Hz", a -> a.secondsOf(ALICE_HZ, 20) >= 2);
            alice.hangup();
            alice.awaitEvent("CALL_CLOSED");
            bob.awaitEvent("CALL_CLOSED");

            RecordedAudio aliceHeard = alice.heard();
            RecordedAudio bobHeard = bob.heard();
            assertThat(aliceHeard.soundRms()).as("Alice heard %s", aliceHeard).isGreaterThan(1000);
            assertThat(aliceHeard.dominantFrequency()).as("Alice heard %s", aliceHeard).isCloseTo(BOB_HZ, within(20));
            assertThat(bobHeard.soundRms()).as("Bob heard %s", bobHeard).isGreaterThan(1000);
            assertThat(bobHeard.dominantFrequency()).as("Bob heard %s", bobHeard).isCloseTo(ALICE_HZ, within(20));
        }
    }
}
