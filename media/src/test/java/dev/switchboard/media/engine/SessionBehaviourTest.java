package dev.switchboard.media.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.media.AudioSources;
import dev.switchboard.media.MediaConfig;
import dev.switchboard.media.MediaEngine;
import dev.switchboard.media.MediaSession;
import dev.switchboard.media.PlayOptions;
import dev.switchboard.media.PlayResult;
import dev.switchboard.media.SdpException;
import dev.switchboard.media.ToneSpec;
import dev.switchboard.media.TtsEngines;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionBehaviourTest {
    @TempDir
    Path cache;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private MediaEngine engine;

    @BeforeEach
    void start() {
        int base = 20000 + 2 * ThreadLocalRandom.current().nextInt(0, 10000);
        engine = MediaEngine.start(MediaConfig.builder(cache).rtpPorts(base, base + 2000).meterRegistry(registry)
                .tts(TtsEngines.fallback()).rtcpInterval(Duration.ofMillis(200)).build());
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void rtcpReportsTravelAndAreRead() throws Exception {
        MediaSession a = engine.newSession("a");
        MediaSession b = engine.newSession("b");
        Engines.connect(a, b);
        await().atMost(Duration.ofSeconds(30)).until(() -> a.stats().rtcpReceived() >= 3
                && b.stats().rtcpReceived() >= 3 && a.stats().remoteFractionLost() >= 0);
        assertThat(a.stats().rtcpSent()).isGreaterThanOrEqualTo(3);
        assertThat(a.stats().remoteFractionLost()).isZero();
        assertThat(a.stats().remoteJitterMs()).isBetween(0.0, 100.0);
        assertThat(b.stats().packetsIgnored()).isZero();
    }

    @Test
    void comfortNoiseIsAcceptedAsSilence() throws Exception {
        try (Phone phone = new Phone()) {
            MediaSession session = engine.newSession("cn");
            String offer = phone.offer("0 13");
            assertThat(session.answer(offer)).contains("a=rtpmap:13 CN/8000");
            phone.send(session.localRtpPort(), 13, 0, 5, new byte[] {40});
            phone.send(session.localRtpPort(), 0, 160, 5, new byte[160]);
            await().atMost(Duration.ofSeconds(30)).until(() -> session.stats().packetsReceived() == 2);
            assertThat(session.stats().packetsIgnored()).isZero();
        }
    }

    @Test
    void lostPacketsAreCountedFromTheSequenceNumbers() throws Exception {
        try (Phone phone = new Phone()) {
            MediaSession session = engine.newSession("loss");
            session.answer(phone.offer("0"));
            phone.send(session.localRtpPort(), 0, 0, 5, new byte[160]);
            phone.skip(2);
            phone.send(session.localRtpPort(), 0, 480, 5, new byte[160]);
            phone.send(session.localRtpPort(), 0, 640, 5, new byte[160]);
            await().atMost(Duration.ofSeconds(30)).until(() -> session.stats().packetsReceived() == 3);
            assertThat(session.stats().packetsLost()).isEqualTo(2);
        }
    }

    @Test
    void aNewPlaybackStopsThePreviousOne() throws Exception {
        MediaSession a = engine.newSession("a");
        var first = a.play(AudioSources.tone(ToneSpec.steady(null, 500)), PlayOptions.UNINTERRUPTIBLE);
        var second = a.play(AudioSources.silence(Duration.ofMillis(100)), PlayOptions.UNINTERRUPTIBLE);
        assertThat(first.result().get(30, TimeUnit.SECONDS).outcome()).isEqualTo(PlayResult.Outcome.STOPPED);
        assertThat(a.currentPlayback()).containsSame(second);
        second.stop();
        assertThat(second.result().get(30, TimeUnit.SECONDS).outcome()).isEqualTo(PlayResult.Outcome.STOPPED);
        assertThat(a.currentPlayback()).isEmpty();
    }

    @Test
    void aSourceThatCannotBeOpenedFailsThePlaybackNotTheCall() throws Exception {
        MediaSession a = engine.newSession("a");
        PlayResult result = a.play(AudioSources.url(URI.create("http://127.0.0.1:1/none.wav")),
                PlayOptions.UNINTERRUPTIBLE).result().get(30, TimeUnit.SECONDS);
        assertThat(result.outcome()).isEqualTo(PlayResult.Outcome.FAILED);
        assertThat(result.failure()).hasValueSatisfying(m -> assertThat(m).contains("cannot fetch"));
        PlayResult next = a.play(AudioSources.silence(Duration.ofMillis(60)), PlayOptions.UNINTERRUPTIBLE)
                .result().get(30, TimeUnit.SECONDS);
        assertThat(next.outcome()).isEqualTo(PlayResult.Outcome.FINISHED);
    }

    @Test
    void playbackRunsOnTheClockEvenBeforeNegotiation() throws Exception {
        MediaSession a = engine.newSession("a");
        PlayResult result = a.play(AudioSources.silence(Duration.ofMillis(200)), PlayOptions.UNINTERRUPTIBLE)
                .result().get(30, TimeUnit.SECONDS);
        assertThat(result.outcome()).isEqualTo(PlayResult.Outcome.FINISHED);
        assertThat(result.played()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void bridgingNeedsTwoSessionsOfTheEngine() {
        MediaSession a = engine.newSession("a");
        assertThatThrownBy(() -> a.bridge(a)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> a.injectDtmf('x', Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> a.sendDtmf("12,3", Duration.ofMillis(100)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOfferWithNothingInCommonLeavesTheSessionUsable() throws Exception {
        try (Phone phone = new Phone()) {
            MediaSession session = engine.newSession("488");
            assertThatThrownBy(() -> session.answer(phone.offer("18"))).isInstanceOf(SdpException.class);
            assertThat(session.negotiatedCodec()).isEmpty();
            session.answer(phone.offer("8"));
            assertThat(session.negotiatedCodec()).hasValueSatisfying(c -> assertThat(c.encodingName)
                    .isEqualTo("PCMA"));
        }
    }

    @Test
    void theEngineCountsWhatTheBenchmarksRead() throws Exception {
        MediaSession a = engine.newSession("a");
        MediaSession b = engine.newSession("b");
        Engines.connect(a, b);
        await().atMost(Duration.ofSeconds(30)).until(() -> registry.get("media.rtp.packets.received").counter()
                .count() >= 20);
        assertThat(registry.get("media.clock.ticks").counter().count()).isPositive();
        assertThat(registry.get("media.sessions.active").gauge().value()).isEqualTo(2);
        assertThat(registry.get("media.rtp.packets.late").counter()).isNotNull();
        a.close();
        assertThat(registry.get("media.sessions.active").gauge().value()).isEqualTo(1);
    }
}
