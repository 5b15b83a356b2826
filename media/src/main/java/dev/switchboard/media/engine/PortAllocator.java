package dev.switchboard.media.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands out even RTP ports (RTCP on the next) from the configured range, round robin so a port just freed is not
 * reused at once (late packets of the old call would reach the new one).
 */
final class PortAllocator {
    /** Tries to bind a pair; false when either port is taken by another process. */
    interface Binder {
        boolean bind(int rtpPort);
    }

    private final int first;
    private final int pairs;
    private final AtomicInteger cursor = new AtomicInteger();
    private final Set<Integer> inUse = ConcurrentHashMap.newKeySet();

    PortAllocator(int min, int max) {
        first = min % 2 == 0 ? min : min + 1;
        pairs = (max - first + 1) / 2;
        if (pairs < 1) {
            throw new IllegalArgumentException("the RTP port range " + min + "-" + max + " holds no port pair");
        }
    }

    /** The RTP port of a newly bound pair. */
    int allocate(Binder binder) {
        for (int attempt = 0; attempt < pairs; attempt++) {
            int port = first + 2 * Math.floorMod(cursor.getAndIncrement(), pairs);
            if (!inUse.add(port)) {
                continue;
            }
            if (binder.bind(port)) {
                return port;
            }
            inUse.remove(port);
        }
        throw new IllegalStateException("no free RTP port pair in " + first + "-" + (first + 2 * pairs - 1));
    }

    void release(int port) {
        inUse.remove(port);
    }
}
