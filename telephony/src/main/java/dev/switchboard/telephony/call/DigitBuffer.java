package dev.switchboard.telephony.call;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The keys a caller pressed, in order, until something takes them: the simulator's type-ahead buffer on a real
 * line. A playback stopped by a terminator consumes that key only; keys before it stay for the next collect.
 */
final class DigitBuffer {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final Deque<Character> keys = new ArrayDeque<>();
    /** Counts every key ever pressed, so a wait can tell keys that came after it started. */
    private long pressed;
    private boolean closed;

    void press(char key) {
        lock.lock();
        try {
            keys.addLast(Character.toUpperCase(key));
            pressed++;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** No more keys will come (the call ended): waits return at once. */
    void close() {
        lock.lock();
        try {
            closed = true;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** How many keys have been pressed so far: a mark for {@link #takeTerminatorSince}. */
    long mark() {
        lock.lock();
        try {
            return pressed;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes and returns the first key pressed after {@code mark} that is one of {@code terminators}; the keys
     * around it stay.
     */
    Optional<Character> takeTerminatorSince(long mark, String terminators) {
        lock.lock();
        try {
            long fresh = pressed - mark;
            if (fresh <= 0 || terminators == null || terminators.isEmpty()) {
                return Optional.empty();
            }
            int skip = (int) Math.max(0, keys.size() - fresh);
            int i = 0;
            for (var it = keys.iterator(); it.hasNext(); i++) {
                char k = it.next();
                if (i >= skip && terminators.indexOf(k) >= 0) {
                    it.remove();
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    /** Whether a key has been pressed after {@code mark}. */
    boolean pressedSince(long mark) {
        lock.lock();
        try {
            return pressed > mark;
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to {@code timeout} for a key pressed after {@code mark}; true when one came. */
    boolean awaitSince(long mark, Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (pressed <= mark && !closed) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = arrived.awaitNanos(nanos);
            }
            return pressed > mark;
        } finally {
            lock.unlock();
        }
    }

    /** The oldest key, waiting up to {@code timeout} for one; empty on timeout or when closed. */
    Optional<Character> next(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (keys.isEmpty() && !closed) {
                if (nanos <= 0) {
                    return Optional.empty();
                }
                nanos = arrived.awaitNanos(nanos);
            }
            return Optional.ofNullable(keys.pollFirst());
        } finally {
            lock.unlock();
        }
    }

    /** Every key waiting, oldest first, and forgets them. */
    String drain() {
        lock.lock();
        try {
            StringBuilder sb = new StringBuilder();
            keys.forEach(sb::append);
            keys.clear();
            return sb.toString();
        } finally {
            lock.unlock();
        }
    }
}
