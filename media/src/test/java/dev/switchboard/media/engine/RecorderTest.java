package dev.switchboard.media.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.media.AudioSources;
import dev.switchboard.media.MediaEngine;
import dev.switchboard.media.MediaSession;
import dev.switchboard.media.PlayOptions;
import dev.switchboard.media.RecordOptions;
import dev.switchboard.media.RecordingResult;
import dev.switchboard.media.RecordingResult.EndReason;
import dev.switchboard.media.Signals;
import dev.switchboard.media.ToneSpec;
import dev.switchboard.media.audio.WavDecoder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecorderTest {
    @TempDir
    Path cache;
    private MediaEngine engine;
    private MediaSession caller;
    private MediaSession voicemail;

    @BeforeEach
    void start() throws Exception {
        engine = Engines.start(cache, new SimpleMeterRegistry());
        caller = engine.newSession("caller");
        voicemail = engine.newSession("voicemail");
        Engines.connect(caller, voicemail);
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private void speak(Duration length) {
        caller.play(AudioSources.tone(ToneSpec.steady(length, 600)), PlayOptions.UNINTERRUPTIBLE);
    }

    /** Waits until the recording side has received {@code packets} more packets (20 ms each). */
    private void awaitMoreAudio(int packets) {
        long target = voicemail.stats().packetsReceived() + packets;
        await().atMost(Duration.ofSeconds(30)).until(() -> voicemail.stats().packetsReceived() >= target);
    }

    @Test
    void endsOnSilenceAndKeepsWhatWasSaid() throws Exception {
        speak(Duration.ofSeconds(1));
        RecordingResult result = voicemail.record(new RecordOptions(Duration.ofSeconds(30), 500,
                Duration.ofMillis(1500), "#", null)).result().get(30, TimeUnit.SECONDS);
        assertThat(result.reason()).isEqualTo(EndReason.SILENCE);
        assertThat(result.duration()).isBetween(Duration.ofMillis(2400), Duration.ofMillis(3200));
        short[] audio = WavDecoder.decode(result.wav().orElseThrow()).toNarrowband();
        assertThat(Signals.dominantFrequency(audio, 1600, 4000)).isEqualTo(600);
    }

    @Test
    void endsAtTheMaximumLength() throws Exception {
        speak(Duration.ofSeconds(10));
        RecordingResult result = voicemail.record(new RecordOptions(Duration.ofMillis(1200), 500,
                Duration.ofSeconds(5), "#", null)).result().get(30, TimeUnit.SECONDS);
        assertThat(result.reason()).isEqualTo(EndReason.MAX_LENGTH);
        assertThat(result.duration()).isEqualTo(Duration.ofMillis(1200));
        assertThat(WavDecoder.decode(result.wav().orElseThrow()).channels()[0]).hasSize(9600);
    }

    @Test
    void endsOnATerminatingKey() throws Exception {
        speak(Duration.ofSeconds(10));
        var recording = voicemail.record(new RecordOptions(Duration.ofSeconds(30), 500, Duration.ofSeconds(5),
                "#", null));
        awaitMoreAudio(20);
        caller.sendDtmf("1#", Duration.ofMillis(80));
        RecordingResult result = recording.result().get(30, TimeUnit.SECONDS);
        assertThat(result.reason()).isEqualTo(EndReason.KEY);
        assertThat(result.key()).contains('#');
        assertThat(result.duration()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void stopAndHangupKeepTheRecording(@TempDir Path dir) throws Exception {
        speak(Duration.ofSeconds(10));
        var stopped = voicemail.record(RecordOptions.voicemail(Duration.ofMinutes(1)));
        awaitMoreAudio(10);
        stopped.stop();
        assertThat(stopped.result().get(30, TimeUnit.SECONDS).reason()).isEqualTo(EndReason.STOPPED);

        Path file = dir.resolve("vm/message.wav");
        var hungUp = voicemail.record(RecordOptions.voicemail(Duration.ofMinutes(1)).withTarget(file));
        awaitMoreAudio(10);
        voicemail.close();
        RecordingResult result = hungUp.result().get(30, TimeUnit.SECONDS);
        assertThat(result.reason()).isEqualTo(EndReason.SESSION_CLOSED);
        assertThat(result.file()).contains(file);
        assertThat(result.wav()).isEmpty();
        short[] saved = WavDecoder.decode(Files.readAllBytes(file)).toNarrowband();
        assertThat(saved.length).isEqualTo((int) result.duration().toMillis() * 8);
        assertThat(saved.length).isGreaterThan(0);
    }
}
