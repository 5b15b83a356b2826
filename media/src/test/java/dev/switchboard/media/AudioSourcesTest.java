package dev.switchboard.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.media.audio.WavEncoder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioSourcesTest {
    @TempDir
    Path cache;

    private AudioContext context() {
        return new AudioContext(TtsEngines.fallback(), PromptResolver.NONE, cache, "en-us", 1_000_000);
    }

    private short[] drain(AudioSource source, int limit) throws IOException {
        List<Short> out = new ArrayList<>();
        try (AudioStream stream = source.open(context())) {
            short[] frame = new short[160];
            int n;
            while (out.size() < limit && (n = stream.read(frame, 0, frame.length)) > 0) {
                for (int i = 0; i < n; i++) {
                    out.add(frame[i]);
                }
            }
        }
        short[] samples = new short[out.size()];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = out.get(i);
        }
        return samples;
    }

    @Test
    void concatenationPlaysEachPartInTurn() throws Exception {
        AudioSource source = AudioSources.concat(
                AudioSources.tone(ToneSpec.steady(Duration.ofMillis(500), 500)),
                AudioSources.silence(Duration.ofMillis(250)),
                AudioSources.tone(ToneSpec.steady(Duration.ofMillis(500), 1500)));
        short[] samples = drain(source, Integer.MAX_VALUE);
        assertThat(samples).hasSize(10000);
        assertThat(Signals.dominantFrequency(samples, 0, 4000)).isEqualTo(500);
        assertThat(Signals.rms(samples, 4000, 2000)).isZero();
        assertThat(Signals.dominantFrequency(samples, 6000, 4000)).isEqualTo(1500);
    }

    @Test
    void loopsRepeatTheirSource() throws Exception {
        short[] once = drain(AudioSources.wav(WavEncoder.encode(Signals.sine(700, 0.1, 8000, 0.5))),
                Integer.MAX_VALUE);
        short[] thrice = drain(AudioSources.loop(AudioSources.wav(WavEncoder.encode(Signals.sine(700, 0.1, 8000,
                0.5))), 3), Integer.MAX_VALUE);
        assertThat(thrice).hasSize(3 * once.length);
        assertThat(java.util.Arrays.copyOfRange(thrice, 2 * once.length, 3 * once.length)).isEqualTo(once);
        short[] endless = drain(AudioSources.loop(AudioSources.silence(Duration.ofMillis(40))), 80_000);
        assertThat(endless.length).isGreaterThanOrEqualTo(80_000);
    }

    @Test
    void tonesFollowTheirCountrysCadence() throws Exception {
        short[] us = drain(AudioSources.tone(Tones.forCountry("us", "ringback")), 8000 * 12);
        assertThat(Signals.rms(us, 0, 16000)).isGreaterThan(3000);
        assertThat(Signals.rms(us, 16000, 32000)).isZero();
        assertThat(Signals.rms(us, 48000, 16000)).isGreaterThan(3000);
        assertThat(Signals.dominantFrequency(us, 0, 8000)).isIn(440, 480);

        short[] gb = drain(AudioSources.tone(Tones.forCountry("GB", "ringback")), 8000 * 3);
        // 0.4 s on, 0.2 s off, 0.4 s on, 2 s off
        assertThat(Signals.rms(gb, 0, 3200)).isGreaterThan(3000);
        assertThat(Signals.rms(gb, 3200, 1600)).isZero();
        assertThat(Signals.rms(gb, 4800, 3200)).isGreaterThan(3000);
        assertThat(Signals.rms(gb, 8000, 16000)).isZero();

        short[] busy = drain(AudioSources.tone(Tones.forCountry("de", "busy")), 8000);
        assertThat(Signals.dominantFrequency(busy, 0, 3840)).isBetween(420, 430);
        assertThat(drain(AudioSources.tone(Tones.forCountry("fr", "beep")), Integer.MAX_VALUE)).hasSize(4000);
        assertThatThrownBy(() -> Tones.forCountry("us", "whistle")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void kazooToneMediaMapsToASpec() throws Exception {
        ToneSpec beep = ToneSpec.of(new int[] {440}, 500, 0, 500);
        assertThat(drain(AudioSources.tone(beep), Integer.MAX_VALUE)).hasSize(4000);
        assertThat(beep).isEqualTo(ToneSpec.of(new int[] {440}, 500, 0, 500));
        assertThatThrownBy(() -> ToneSpec.steady(null, 5000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void urlsAreFetchedCachedAndRevalidated() throws Exception {
        byte[] wav = WavEncoder.encode(Signals.sine(900, 0.5, 8000, 0.5));
        AtomicInteger fullResponses = new AtomicInteger();
        AtomicInteger notModified = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hold.wav", exchange -> {
            if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                notModified.incrementAndGet();
                exchange.sendResponseHeaders(304, -1);
            } else {
                fullResponses.incrementAndGet();
                exchange.getResponseHeaders().add("ETag", "\"v1\"");
                exchange.getResponseHeaders().add("Content-Type", "audio/wav");
                exchange.sendResponseHeaders(200, wav.length);
                exchange.getResponseBody().write(wav);
            }
            exchange.close();
        });
        server.createContext("/big.wav", exchange -> {
            // chunked, so only the bytes themselves can tell it is too large
            exchange.sendResponseHeaders(200, 0);
            try {
                exchange.getResponseBody().write(new byte[2_000_000]);
            } catch (IOException clientGaveUp) {
                // the client stops reading at its limit
            }
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            AudioSource hold = AudioSources.url(URI.create(base + "/hold.wav"));
            short[] first = drain(hold, Integer.MAX_VALUE);
            short[] second = drain(hold, Integer.MAX_VALUE);
            assertThat(first).hasSize(4000).isEqualTo(second);
            assertThat(Signals.dominantFrequency(first)).isEqualTo(900);
            assertThat(fullResponses).hasValue(1);
            assertThat(notModified).hasValue(1);
            try (var files = Files.list(cache.resolve("url"))) {
                assertThat(files.count()).isEqualTo(2);
            }
            assertThatThrownBy(() -> drain(AudioSources.url(URI.create(base + "/missing.wav")), 1))
                    .isInstanceOf(IOException.class).hasMessageContaining("HTTP 404");
            assertThatThrownBy(() -> drain(AudioSources.url(URI.create(base + "/big.wav")), 1))
                    .isInstanceOf(IOException.class).hasMessageContaining("allowed");
            assertThatThrownBy(() -> drain(AudioSources.url(URI.create("file:///etc/passwd")), 1))
                    .isInstanceOf(IOException.class).hasMessageContaining("only http and https");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aFileSourceIsDecodedAgainWhenTheFileChanges(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("greeting.wav");
        Files.write(file, WavEncoder.encode(Signals.sine(500, 0.2, 8000, 0.5)));
        AudioSource source = AudioSources.wav(file);
        assertThat(Signals.dominantFrequency(drain(source, Integer.MAX_VALUE))).isEqualTo(500);
        Files.write(file, WavEncoder.encode(Signals.sine(1200, 0.3, 8000, 0.5)));
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()
                + 5000));
        short[] changed = drain(source, Integer.MAX_VALUE);
        assertThat(changed).hasSize(2400);
        assertThat(Signals.dominantFrequency(changed)).isEqualTo(1200);
        assertThatThrownBy(() -> drain(AudioSources.wav(dir.resolve("none.wav")), 1))
                .isInstanceOf(AudioFormatException.class).hasMessageContaining("does not exist");
    }
}
