package dev.switchboard.bench;

import dev.switchboard.media.AudioSource;
import dev.switchboard.media.AudioSources;
import dev.switchboard.media.MediaConfig;
import dev.switchboard.media.MediaEngine;
import dev.switchboard.media.MediaSession;
import dev.switchboard.media.PlayOptions;
import dev.switchboard.media.SdpException;
import dev.switchboard.media.ToneSpec;
import dev.switchboard.media.TtsEngines;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Media load on loopback: SESSIONS server-side sessions, each with a phone-side session in a second engine (its own
 * clock, standing in for sipp), RTP both ways through the media clocks for SECONDS. In "ivr" mode every server
 * session plays a looped prompt while its phone plays a tone back; in "bridge" mode server sessions are bridged in
 * pairs and relay their phones' audio. Prints late packets, late ticks, CPU and heap per session.
 *
 * <p>Run: {@code java -cp bench/jmh/target/benchmarks.jar dev.switchboard.bench.MediaLoad [ivr|bridge] [sessions]
 * [seconds]} (bench/media/run.sh does it).
 */
public final class MediaLoad {
    private MediaLoad() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "ivr";
        int sessions = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        Path cache = Files.createTempDirectory("media-load-");
        SimpleMeterRegistry serverMetrics = new SimpleMeterRegistry();
        SimpleMeterRegistry phoneMetrics = new SimpleMeterRegistry();
        long heapBefore = usedHeapAfterGc();
        try (MediaEngine server = engine(cache.resolve("server"), serverMetrics, 30000);
             MediaEngine phones = engine(cache.resolve("phones"), phoneMetrics, 40000)) {
            AudioSource prompt = AudioSources.loop(AudioSources.concat(
                    AudioSources.tts("Please enter your pin, followed by the pound key.", "en-us"),
                    AudioSources.silence(Duration.ofMillis(500))));
            AudioSource caller = AudioSources.tone(ToneSpec.steady(null, 440));
            long setupStart = System.nanoTime();
            List<MediaSession> serverSide = new ArrayList<>();
            List<MediaSession> phoneSide = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                MediaSession phone = phones.newSession("phone-" + i);
                MediaSession leg = server.newSession("call-" + i);
                connect(phone, leg);
                phoneSide.add(phone);
                serverSide.add(leg);
                phone.play(caller, PlayOptions.UNINTERRUPTIBLE);
                if (mode.equals("ivr")) {
                    leg.play(prompt, PlayOptions.stopOn("#"));
                } else if (i % 2 == 1) {
                    serverSide.get(i - 1).bridge(leg);
                }
            }
            System.out.printf("setup: %d + %d sessions in %.1f s%n", sessions, sessions,
                    (System.nanoTime() - setupStart) / 1e9);
            // a warm-up: the JIT settles and what queued while 2 x SESSIONS sockets were bound drains
            Thread.sleep(10_000);
            long heapLoaded = usedHeapAfterGc();
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuStart = os.getProcessCpuTime();
            long sentStart = count(serverMetrics, "media.rtp.packets.sent");
            long lateStart = count(serverMetrics, "media.rtp.packets.late");
            long lateTicksStart = count(serverMetrics, "media.clock.ticks.late");
            long ticksStart = count(serverMetrics, "media.clock.ticks");
            long receivedStart = count(serverMetrics, "media.rtp.packets.received");
            long phoneReceivedStart = count(phoneMetrics, "media.rtp.packets.received");
            long wallStart = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            double wall = (System.nanoTime() - wallStart) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
            long sent = count(serverMetrics, "media.rtp.packets.sent") - sentStart;
            long late = count(serverMetrics, "media.rtp.packets.late") - lateStart;
            long lateTicks = count(serverMetrics, "media.clock.ticks.late") - lateTicksStart;
            long ticks = count(serverMetrics, "media.clock.ticks") - ticksStart;
            long received = count(serverMetrics, "media.rtp.packets.received") - receivedStart;
            long phoneReceived = count(phoneMetrics, "media.rtp.packets.received") - phoneReceivedStart;
            long lost = serverSide.stream().mapToLong(s -> s.stats().packetsLost()).sum();
            double tickMeanMs = serverMetrics.get("media.clock.tick.duration").timer()
                    .mean(java.util.concurrent.TimeUnit.MILLISECONDS);
            double tickMaxMs = serverMetrics.get("media.clock.tick.duration").timer()
                    .max(java.util.concurrent.TimeUnit.MILLISECONDS);
            System.out.printf("RESULT mode=%s sessions=%d seconds=%.1f server_sent=%d server_sent_per_s=%.0f"
                            + " server_received=%d phones_received=%d late_packets=%d late_pct=%.4f late_ticks=%d"
                            + " ticks=%d tick_mean_ms=%.3f tick_max_ms=%.1f process_cpu_cores=%.2f"
                            + " heap_mb=%.1f heap_per_session_kb=%.1f%n",
                    mode, sessions, wall, sent, sent / wall, received, phoneReceived, late,
                    sent == 0 ? 0 : 100.0 * late / sent, lateTicks, ticks, tickMeanMs, tickMaxMs, cpu / wall,
                    heapLoaded / 1048576.0, (heapLoaded - heapBefore) / 1024.0 / (2.0 * sessions));
            System.out.printf("(heap_per_session counts both engines' sessions: %d server + %d phone; lost=%d)%n",
                    sessions, sessions, lost);
        }
    }

    private static MediaEngine engine(Path cache, SimpleMeterRegistry registry, int firstPort) {
        return MediaEngine.start(MediaConfig.builder(cache)
                .rtpPorts(firstPort, firstPort + 9999)
                .meterRegistry(registry)
                .tts(TtsEngines.fallback())
                .build());
    }

    private static void connect(MediaSession offerer, MediaSession answerer) throws SdpException {
        offerer.acceptAnswer(answerer.answer(offerer.offer()));
    }

    private static long count(SimpleMeterRegistry registry, String name) {
        return (long) registry.get(name).counter().count();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed();
    }
}
