package dev.switchboard.media.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.media.MediaEngine;
import dev.switchboard.media.MediaSession;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
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
            await().atMost(Duration.ofSeconds(5)).until(() -> session.stats().packetsIgnored() == 1);
            assertThat(session.remoteRtpAddress()).contains(addressOf(announced));

            // the phone behind NAT speaks from another port: we answer there from now on
            natted.send(port, 0, 160, 4242, new byte[160]);
            await().atMost(Duration.ofSeconds(5)).until(() -> session.remoteRtpAddress()
                    .equals(java.util.Optional.of(addressOf(natted))));
            assertThat(natted.receive()).isPresent();

            // the announced address (or anyone else) is ignored once latched, and counted
            long ignoredBefore = session.stats().packetsIgnored();
            announced.send(port, 0, 320, 4242, new byte[160]);
            stray.send(port, 0, 320, 999, new byte[160]);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> session.stats().packetsIgnored() == ignoredBefore + 2);
            assertThat(session.stats().packetsReceived()).isEqualTo(1);
            assertThat(session.remoteRtpAddress()).contains(addressOf(natted));
        }
    }

    @Test
    void aReInviteToANewAddressLatchesAfresh() throws Exception {
        try (Phone first = new Phone(); Phone second = new Phone()) {
            MediaSession session = engine.newSession("reinvite");
            session.answer(first.offer("0"));
            first.send(session.localRtpPort(), 0, 0, 1, new byte[160]);
            await().atMost(Duration.ofSeconds(5)).until(() -> session.stats().packetsReceived() == 1);

            session.answer(second.offer("8"));
            assertThat(session.remoteRtpAddress()).contains(addressOf(second));
            assertThat(second.receive(8).payloadLength()).isEqualTo(160);
            second.send(session.localRtpPort(), 8, 0, 2, new byte[160]);
            await().atMost(Duration.ofSeconds(5)).until(() -> session.stats().packetsReceived() == 2);
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
            phone.socket.setSoTimeout(300);
            while (phone.receive().isPresent()) {
                // draining
            }
            assertThat(phone.receive()).isEmpty();
            assertThat(session.answer(phone.offer("0"))).contains("a=sendrecv");
            phone.socket.setSoTimeout(3000);
            assertThat(phone.receive()).isPresent();
        }
    }

    private static InetSocketAddress addressOf(Phone phone) {
        return new InetSocketAddress("127.0.0.1", phone.port());
    }
}
