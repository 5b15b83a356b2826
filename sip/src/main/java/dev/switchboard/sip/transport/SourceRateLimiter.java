package dev.switchboard.sip.transport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounds messages per second from one IP address: a fixed one-second window per address; messages beyond the bound are
 * dropped and the first drop of each window is logged. Windows of silent addresses are forgotten.
 */
final class SourceRateLimiter {
    private static final Logger LOG = LoggerFactory.getLogger(SourceRateLimiter.class);
    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final int perSecond;
    private final Map<InetAddress, Window> windows = new ConcurrentHashMap<>();
    private volatile long nextSweep = System.nanoTime() + 60 * WINDOW_NANOS;

    private static final class Window {
        long start;
        int count;
        boolean logged;
    }

    SourceRateLimiter(int perSecond) {
        this.perSecond = perSecond;
    }

    /** Whether a message from {@code address} may be processed now. */
    boolean allow(InetAddress address) {
        if (perSecond <= 0) return true;
        long now = System.nanoTime();
        sweep(now);
        Window w = windows.computeIfAbsent(address, a -> new Window());
        synchronized (w) {
            if (now - w.start >= WINDOW_NANOS) {
                w.start = now;
                w.count = 0;
                w.logged = false;
            }
            if (++w.count <= perSecond) return true;
            if (!w.logged) {
                w.logged = true;
                LOG.warn("dropping SIP messages from {}: more than {} per second", address.getHostAddress(), perSecond);
            }
            return false;
        }
    }

    private void sweep(long now) {
        if (now < nextSweep) return;
        nextSweep = now + 60 * WINDOW_NANOS;
        windows.values().removeIf(w -> {
            synchronized (w) {
                return now - w.start > 10 * WINDOW_NANOS;
            }
        });
    }
}
