package dev.switchboard.media.engine;

import dev.switchboard.media.MediaConfig;
import dev.switchboard.media.MediaEngine;
import dev.switchboard.media.MediaSession;
import dev.switchboard.media.SdpException;
import dev.switchboard.media.TtsEngines;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/** Engines for tests: loopback, a random slice of the high port range so parallel runs rarely collide. */
final class Engines {
    private Engines() {
    }

    static MediaEngine start(Path cache, SimpleMeterRegistry registry) {
        int base = 20000 + 2 * ThreadLocalRandom.current().nextInt(0, 10000);
        return MediaEngine.start(MediaConfig.builder(cache)
                .rtpPorts(base, base + 2000)
                .meterRegistry(registry)
                .tts(TtsEngines.fallback())
                .build());
    }

    /** a offers, b answers, a takes the answer. */
    static void connect(MediaSession a, MediaSession b) throws SdpException {
        a.acceptAnswer(b.answer(a.offer()));
    }
}
