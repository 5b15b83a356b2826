package dev.switchboard.core.actions;

import java.time.Duration;

import dev.switchboard.core.call.CallControl;

/** Keeping a call open with nothing to do until the caller leaves. */
final class UntilHangup {
    private static final Duration WATCH = Duration.ofHours(1);

    private UntilHangup() {
    }

    /** Returns only by the {@link dev.switchboard.core.call.CallHungUp} that the caller's leaving throws. */
    static void await(CallControl call) {
        while (true) {
            call.pause(WATCH);
        }
    }
}
