package dev.switchboard.media.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;

/** The engine's meters; the benchmarks read the late counters. */
final class MediaMetrics {
    final Counter ticks;
    final Counter lateTicks;
    final Counter skippedTicks;
    final Counter packetsSent;
    final Counter latePackets;
    final Counter packetsReceived;
    final Counter packetsIgnored;
    final Timer tickDuration;

    MediaMetrics(MeterRegistry registry, Supplier<Number> activeSessions) {
        ticks = registry.counter("media.clock.ticks");
        lateTicks = Counter.builder("media.clock.ticks.late")
                .description("ticks that started more than one period (20 ms) after they were due")
                .register(registry);
        skippedTicks = Counter.builder("media.clock.ticks.skipped")
                .description("ticks given up after the clock fell more than 200 ms behind").register(registry);
        packetsSent = registry.counter("media.rtp.packets.sent");
        latePackets = Counter.builder("media.rtp.packets.late")
                .description("RTP packets sent more than 40 ms after they were due").register(registry);
        packetsReceived = registry.counter("media.rtp.packets.received");
        packetsIgnored = Counter.builder("media.rtp.packets.ignored")
                .description("RTP packets dropped: unexpected source, unknown payload type, malformed")
                .register(registry);
        tickDuration = Timer.builder("media.clock.tick.duration").register(registry);
        Gauge.builder("media.sessions.active", activeSessions).register(registry);
    }
}
