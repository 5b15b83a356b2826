package dev.switchboard.media.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.media.AudioSources;
import dev.switchboard.media.DtmfEvent;
import dev.switchboard.media.MediaEngine;
import dev.switchboard.media.MediaSession;
import dev.switchboard.media.PlayOptions;
import dev.switchboard.media.PlayResult;
import dev.switchboard.media.ToneSpec;
import dev.switchboard.media.codec.G711;
import dev.switchboard.media.dtmf.TelephoneEvent;
import dev.switchboard.media.rtp.RtpPacket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two phones, each with its leg; the legs bridged. */
class BridgeTest {
    private static final byte MU_SILENCE = (byte) 0xFF;
    private static final byte A_SILENCE = (byte) 0xD5;

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
    void sameCodecIsRelayedWithoutDecoding() throws Exception {
        try (Phone alice = new Phone(); Phone bob = new Phone()) {
            MediaSession aliceLeg = engine.newSession("a");
            MediaSession bobLeg = engine.newSession("b");
            aliceLeg.answer(alice.offer("0 101"));
            bobLeg.answer(bob.offer("0 101"));
            var ringback = bobLeg.play(AudioSources.tone(ToneSpec.steady(null, 440)), PlayOptions.UNINTERRUPTIBLE);
            aliceLeg.bridge(bobLeg);
            assertThat(ringback.result().get(30, TimeUnit.SECONDS).outcome()).isEqualTo(PlayResult.Outcome.STOPPED);
            assertThat(aliceLeg.bridgedTo()).contains(bobLeg);

            byte[] payload = pattern(1);
            alice.send(aliceLeg.localRtpPort(), 0, 8000, 0xA11CE, payload);
            RtpPacket first = bob.receiveNonSilent(MU_SILENCE);
            assertThat(Arrays.copyOfRange(first.bytes(), first.payloadOffset(), first.payloadOffset() + 160))
                    .isEqualTo(payload);
            assertThat(first.payloadType()).isZero();
            assertThat(first.ssrc()).isNotEqualTo(0xA11CEL);

            alice.send(aliceLeg.localRtpPort(), 0, 8160, 0xA11CE, pattern(2));
            RtpPacket second = bob.receiveNonSilent(MU_SILENCE);
            assertThat(second.sequence()).isEqualTo((first.sequence() + 1) & 0xFFFF);
            assertThat(second.timestamp()).isEqualTo((first.timestamp() + 160) & 0xFFFFFFFFL);
            assertThat(second.ssrc()).isEqualTo(first.ssrc());

            // and the other way
            bob.send(bobLeg.localRtpPort(), 0, 1, 0xB0B, pattern(3));
            RtpPacket back = alice.receiveNonSilent(MU_SILENCE);
            assertThat(Arrays.copyOfRange(back.bytes(), back.payloadOffset(), back.payloadOffset() + 160))
                    .isEqualTo(pattern(3));
        }
    }

    @Test
    void differentLawsAreTranscoded() throws Exception {
        try (Phone alice = new Phone(); Phone bob = new Phone()) {
            MediaSession aliceLeg = engine.newSession("a");
            MediaSession bobLeg = engine.newSession("b");
            aliceLeg.answer(alice.offer("0"));
            bobLeg.answer(bob.offer("8"));
            aliceLeg.bridge(bobLeg);

            byte[] mu = pattern(5);
            alice.send(aliceLeg.localRtpPort(), 0, 0, 1, mu);
            RtpPacket packet = bob.receiveNonSilent(A_SILENCE);
            assertThat(packet.payloadType()).isEqualTo(8);
            byte[] expected = new byte[160];
            for (int i = 0; i < 160; i++) {
                expected[i] = G711.muToA(mu[i]);
            }
            assertThat(Arrays.copyOfRange(packet.bytes(), packet.payloadOffset(), packet.payloadOffset() + 160))
                    .isEqualTo(expected);
        }
    }

    @Test
    void keysPassThroughAndListenersStillHearThem() throws Exception {
        try (Phone alice = new Phone(); Phone bob = new Phone()) {
            MediaSession aliceLeg = engine.newSession("a");
            MediaSession bobLeg = engine.newSession("b");
            aliceLeg.answer(alice.offer("0 101"));
            bobLeg.answer(bob.offer("0 101"));
            List<DtmfEvent> heard = new CopyOnWriteArrayList<>();
            aliceLeg.onDtmf((s, e) -> heard.add(e));
            aliceLeg.bridge(bobLeg);

            alice.send(aliceLeg.localRtpPort(), 101, 4000, 7, new TelephoneEvent(4, false, 10, 160).encode());
            alice.send(aliceLeg.localRtpPort(), 101, 4000, 7, new TelephoneEvent(4, true, 10, 800).encode());
            RtpPacket event = bob.receive(101);
            assertThat(TelephoneEvent.parse(event.bytes(), event.payloadOffset(), event.payloadLength())
                    .orElseThrow().event()).isEqualTo(4);
            await().atMost(Duration.ofSeconds(30)).until(() -> heard.size() == 1);
            assertThat(heard.getFirst().key()).isEqualTo('4');
            assertThat(heard.getFirst().origin()).isEqualTo(DtmfEvent.Origin.RFC4733);
        }
    }

    @Test
    void unbridgedLegsGoBackToTheirOwnAudio() throws Exception {
        try (Phone alice = new Phone(); Phone bob = new Phone()) {
            MediaSession aliceLeg = engine.newSession("a");
            MediaSession bobLeg = engine.newSession("b");
            aliceLeg.answer(alice.offer("0"));
            bobLeg.answer(bob.offer("0"));
            aliceLeg.bridge(bobLeg);
            bobLeg.unbridge();
            assertThat(aliceLeg.bridgedTo()).isEmpty();
            aliceLeg.play(AudioSources.tone(ToneSpec.steady(Duration.ofSeconds(2), 1000)),
                    PlayOptions.UNINTERRUPTIBLE);
            RtpPacket tone = alice.receiveNonSilent(MU_SILENCE);
            assertThat(tone.payloadLength()).isEqualTo(160);
            alice.send(aliceLeg.localRtpPort(), 0, 0, 1, pattern(9));
            // bob only gets his own leg's silence: nothing of alice's pattern
            bob.socket.setSoTimeout(10_000);
            for (int i = 0; i < 10; i++) {
                RtpPacket p = bob.receive().orElseThrow();
                assertThat(p.bytes()[p.payloadOffset()]).isEqualTo(MU_SILENCE);
            }
        }
    }

    private static byte[] pattern(int seed) {
        byte[] payload = new byte[160];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (seed * 31 + i * 7);
        }
        payload[0] = 0x10;
        return payload;
    }
}
