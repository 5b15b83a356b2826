package dev.switchboard.media.engine;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramPacket;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packets one clock tick sends, handed to each event loop as one task instead of one task (and one wake-up) per
 * packet. A packet counts as late when its loop writes it more than 40 ms after the tick was due.
 * Used by the clock thread only.
 */
final class Outbox {
    private static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(40);

    private record Pending(Channel channel, DatagramPacket packet, RtpSession session) {
    }

    private final MediaMetrics metrics;
    private final Map<EventLoop, List<Pending>> byLoop = new IdentityHashMap<>();

    Outbox(MediaMetrics metrics) {
        this.metrics = metrics;
    }

    void add(Channel channel, DatagramPacket packet, RtpSession session) {
        byLoop.computeIfAbsent(channel.eventLoop(), loop -> new ArrayList<>()).add(new Pending(channel, packet,
                session));
    }

    /** Hands this tick's packets to their loops. */
    void flush(long dueNanos) {
        for (Map.Entry<EventLoop, List<Pending>> entry : byLoop.entrySet()) {
            List<Pending> batch = entry.getValue();
            if (batch.isEmpty()) {
                continue;
            }
            entry.setValue(new ArrayList<>(batch.size()));
            entry.getKey().execute(() -> write(batch, dueNanos));
        }
    }

    private void write(List<Pending> batch, long dueNanos) {
        boolean late = System.nanoTime() - dueNanos > LATE_NANOS;
        for (Pending p : batch) {
            p.channel().write(p.packet(), p.channel().voidPromise());
        }
        for (Pending p : batch) {
            p.channel().flush();
        }
        if (late) {
            metrics.latePackets.increment(batch.size());
            for (Pending p : batch) {
                p.session().countLate();
            }
        }
    }
}
