package dev.switchboard.api;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Runs writes whose checks read the store (a mailbox, a user name, a phone number still free) one at a time, so
 * that two requests cannot both pass the same check and both write. This holds within one node; nodes sharing
 * PostgreSQL would need the store itself to refuse the duplicate.
 */
final class SerialWrites {
    private final ReentrantLock lock = new ReentrantLock();

    <T> T run(Supplier<T> checkAndWrite) {
        lock.lock();
        try {
            return checkAndWrite.get();
        } finally {
            lock.unlock();
        }
    }
}
