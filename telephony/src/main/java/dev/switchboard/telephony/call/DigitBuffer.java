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
    /** A key and its place among every key ever pressed. */
    private record Press(char key, long number) {
    }

    private final Deque<Press> keys = new ArrayDeque<>();
    /** Counts every key ever pressed, so a wait can tell keys that came after it started. */
    private long pressed;
    private boolean closed;

    void press(char key) {
        lock.lock();
        try {
            pressed++;
            keys.addLast(new Press(Character.toUpperCase(key), pressed));
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
            if (terminators == null || terminators.isEmpty()) {
                return Optional.empty();
            }
            for (var it = keys.iterator(); it.hasNext(); ) {
                Press p = it.next();
                if (p.number() > mark && terminators.indexOf(p.key()) >= 0) {
                    it.remove();
                    return Optional.of(p.key());
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
            Press first = keys.pollFirst();
            return first == null ? Optional.empty() : Optional.of(first.key());
        } finally {
            lock.unlock();
        }
    }

    /** Every key waiting, oldest first, and forgets them. */
    String drain() {
        lock.lock();
        try {
            StringBuilder sb = new StringBuilder();
            keys.forEach(p -> sb.append(p.key()));
            keys.clear();
            return sb.toString();
        } finally {
            lock.unlock();
        }
    }
}
