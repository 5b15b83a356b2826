package dev.switchboard.media.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.media.AudioSources;
import dev.switchboard.media.Codec;
import dev.switchboard.media.MediaEngine;
import dev.switchboard.media.MediaSession;
import dev.switchboard.media.PlayOptions;
import dev.switchboard.media.PlayResult;
import dev.switchboard.media.RecordOptions;
import dev.switchboard.media.RecordingResult;
import dev.switchboard.media.Signals;
import dev.switchboard.media.ToneSpec;
import dev.switchboard.media.Tones;
import dev.switchboard.media.audio.WavDecoder;
import dev.switchboard.media.rtp.RtpPacket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RtpLoopbackTest {
    @TempDir
    Path cache;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private MediaEngine engine;

    @BeforeEach
    void start() {
        engine = Engines.start(cache, registry);
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void twoSessionsExchangeAOneKilohertzTone() throws Exception {
        MediaSession caller = engine.newSession("caller");
        MediaSession callee = engine.newSession("callee");
        Engines.connect(caller, callee);
        assertThat(caller.negotiatedCodec()).contains(Codec.PCMU);

        var recording = callee.record(new RecordOptions(Duration.ofMillis(2400), 0, null, "", null));
        PlayResult played = caller.play(AudioSources.tone(ToneSpec.steady(Duration.ofSeconds(2), 1000)),
                PlayOptions.UNINTERRUPTIBLE).result().get(30, TimeUnit.SECONDS);
        RecordingResult recorded = recording.result().get(30, TimeUnit.SECONDS);

        assertThat(played.outcome()).isEqualTo(PlayResult.Outcome.FINISHED);
        assertThat(played.played()).isEqualTo(Duration.ofSeconds(2));
        assertThat(recorded.reason()).isEqualTo(RecordingResult.EndReason.MAX_LENGTH);
        short[] heard = WavDecoder.decode(recorded.wav().orElseThrow()).toNarrowband();
        assertThat(heard).hasSize(2400 * 8);
        // somewhere in the middle the recording holds the tone at its level
        int from = 8000;
        assertThat(Signals.dominantFrequency(heard, from, 4000)).isEqualTo(1000);
        assertThat(Signals.rms(heard, from, 4000)).isBetween(3000.0, 4000.0);
        assertThat(caller.stats().packetsSent()).isGreaterThanOrEqualTo(100);
        assertThat(callee.stats().packetsReceived()).isGreaterThanOrEqualTo(100);
        assertThat(callee.stats().packetsIgnored()).isZero();
    }

    @Test
    void packetsAreContinuousInSequenceAndTimestamp() throws Exception {
        try (DatagramSocket peer = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            peer.setSoTimeout(10_000);
            MediaSession session = engine.newSession("seq");
            session.answer(offerFrom(peer.getLocalPort()));
            session.play(AudioSources.tone(ToneSpec.steady(Duration.ofSeconds(2), 1000)), PlayOptions.UNINTERRUPTIBLE);

            List<RtpPacket> packets = new ArrayList<>();
            byte[] buffer = new byte[2048];
            while (packets.size() < 100) {
                DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
                peer.receive(datagram);
                byte[] copy = java.util.Arrays.copyOf(datagram.getData(), datagram.getLength());
                RtpPacket.parse(copy, copy.length).ifPresent(packets::add);
            }
            for (int i = 1; i < packets.size(); i++) {
                RtpPacket previous = packets.get(i - 1);
                RtpPacket packet = packets.get(i);
                assertThat(packet.sequence()).isEqualTo((previous.sequence() + 1) & 0xFFFF);
                assertThat(packet.timestamp()).isEqualTo((previous.timestamp() + 160) & 0xFFFFFFFFL);
                assertThat(packet.ssrc()).isEqualTo(previous.ssrc());
                assertThat(packet.payloadType()).isZero();
                assertThat(packet.payloadLength()).isEqualTo(160);
            }
            session.close();
        }
    }

    @Test
    void closingFreesPortsAndEndsWhatIsPending() throws Exception {
        MediaSession a = engine.newSession("a");
        MediaSession b = engine.newSession("b");
        Engines.connect(a, b);
        var playback = a.play(AudioSources.loop(AudioSources.tone(Tones.forCountry("us", "ringback"))), PlayOptions.UNINTERRUPTIBLE);
        var recording = b.record(RecordOptions.voicemail(Duration.ofMinutes(1)));
        var dtmf = a.sendDtmf("123456789", Duration.ofMillis(200));
        a.close();
        b.close();
        assertThat(playback.result().get(30, TimeUnit.SECONDS).outcome()).isEqualTo(PlayResult.Outcome.SESSION_CLOSED);
        assertThat(recording.result().get(30, TimeUnit.SECONDS).reason())
                .isEqualTo(RecordingResult.EndReason.SESSION_CLOSED);
        assertThat(dtmf).succeedsWithin(Duration.ofSeconds(30));
        assertThat(engine.activeSessions()).isZero();
        assertThat(a.isClosed()).isTrue();
    }

    private static String offerFrom(int port) {
        return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio " + port
                + " RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\n";
    }
}
