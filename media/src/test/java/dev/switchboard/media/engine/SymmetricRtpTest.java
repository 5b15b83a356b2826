package dev.switchboard.media.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.media.AudioSources;
import dev.switchboard.media.MediaEngine;
import dev.switchboard.media.MediaSession;
import dev.switchboard.media.PlayOptions;
import dev.switchboard.media.PlayResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SymmetricRtpTest {
    @TempDir
    Path cache;
    private MediaEngine engine;

    @BeforeEach
    void start() {
        engine = Engines.start(cache, new SimpleMeterRegistry());
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void latchesOnTheFirstFittingSourceAndIgnoresStrayOnesAfter() throws Exception {
        try (Phone announced = new Phone(); Phone natted = new Phone(); Phone stray = new Phone()) {
            MediaSession session = engine.newSession("latch");
            session.answer(announced.offer("0 101"));
            int port = session.localRtpPort();

            // before any packet we send to the SDP address
            assertThat(announced.receive()).isPresent();

            // a packet of a payload type the session did not negotiate latches nothing
            stray.send(port, 96, 0, 777, new byte[160]);
            await().atMost(Duration.ofSeconds(30)).until(() -> session.stats().packetsIgnored() == 1);
            assertThat(session.remoteRtpAddress()).contains(addressOf(announced));

            // the phone behind NAT speaks from another port: we answer there from now on
            natted.send(port, 0, 160, 4242, new byte[160]);
            await().atMost(Duration.ofSeconds(30)).until(() -> session.remoteRtpAddress()
                    .equals(java.util.Optional.of(addressOf(natted))));
            assertThat(natted.receive()).isPresent();

            // the announced address (or anyone else) is ignored once latched, and counted
            long ignoredBefore = session.stats().packetsIgnored();
            announced.send(port, 0, 320, 4242, new byte[160]);
            stray.send(port, 0, 320, 999, new byte[160]);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> session.stats().packetsIgnored() == ignoredBefore + 2);
            assertThat(session.stats().packetsReceived()).isEqualTo(1);
            assertThat(session.remoteRtpAddress()).contains(addressOf(natted));
        }
    }

    @Test
    void garbageOnTheRtpAndRtcpPortsIsDroppedAndTheCallGoesOn() throws Exception {
        try (Phone phone = new Phone(); Phone attacker = new Phone()) {
            MediaSession session = engine.newSession("garbage");
            session.answer(phone.offer("0 101"));
            Random random = new Random(7);
            for (int i = 0; i < 300; i++) {
                byte[] junk = new byte[random.nextInt(1500)];
                random.nextBytes(junk);
                if (junk.length > 1 && i % 3 == 0) {
                    junk[0] = (byte) (0x80 | (junk[0] & 0x3F)); // version 2, so the parser looks further
                }
                int port = session.localRtpPort() + (i % 2);
                attacker.socket.send(new DatagramPacket(junk, junk.length,
                        new InetSocketAddress("127.0.0.1", port)));
            }
            // the junk may fill the socket's buffer, so the phone keeps talking until it is heard
            long[] timestamp = {0};
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
                phone.send(session.localRtpPort(), 0, timestamp[0] += 160, 9, new byte[160]);
                return session.stats().packetsReceived() >= 1;
            });
            assertThat(session.stats().packetsIgnored()).isPositive();
            assertThat(session.isClosed()).isFalse();
            // the session still sends and plays
            assertThat(session.play(AudioSources.silence(Duration.ofMillis(60)), PlayOptions.UNINTERRUPTIBLE)
                    .result().get(30, TimeUnit.SECONDS).outcome()).isEqualTo(PlayResult.Outcome.FINISHED);
        }
    }

    @Test
    void aReInviteToANewAddressLatchesAfresh() throws Exception {
        try (Phone first = new Phone(); Phone second = new Phone()) {
            MediaSession session = engine.newSession("reinvite");
            session.answer(first.offer("0"));
            first.send(session.localRtpPort(), 0, 0, 1, new byte[160]);
            await().atMost(Duration.ofSeconds(30)).until(() -> session.stats().packetsReceived() == 1);

            session.answer(second.offer("8"));
            assertThat(session.remoteRtpAddress()).contains(addressOf(second));
            assertThat(second.receive(8).payloadLength()).isEqualTo(160);
            second.send(session.localRtpPort(), 8, 0, 2, new byte[160]);
            await().atMost(Duration.ofSeconds(30)).until(() -> session.stats().packetsReceived() == 2);
        }
    }

    @Test
    void onHoldWeStopSending() throws Exception {
        try (Phone phone = new Phone()) {
            MediaSession session = engine.newSession("hold");
            session.answer(phone.offer("0"));
            assertThat(phone.receive()).isPresent();
            String hold = phone.offer("0") + "a=sendonly\r\n";
            assertThat(session.answer(hold)).contains("a=recvonly");
            // drain what was in flight, then nothing more comes
            phone.socket.setSoTimeout(1000);
            while (phone.receive().isPresent()) {
                // draining
            }
            assertThat(phone.receive()).isEmpty();
            assertThat(session.answer(phone.offer("0"))).contains("a=sendrecv");
            phone.socket.setSoTimeout(10_000);
            assertThat(phone.receive()).isPresent();
        }
    }

    private static InetSocketAddress addressOf(Phone phone) {
        return new InetSocketAddress("127.0.0.1", phone.port());
    }
}
