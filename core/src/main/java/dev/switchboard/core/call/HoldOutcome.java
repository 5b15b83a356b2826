package dev.switchboard.core.call;

/** How a call waiting on hold (parked, queued) stopped waiting. */
public enum HoldOutcome {
    /** another call took this one over (park retrieval, pickup) */
    TAKEN,
    /** the wait ran out */
    TIMED_OUT,
    /** the caller hung up */
    HUNG_UP
}
