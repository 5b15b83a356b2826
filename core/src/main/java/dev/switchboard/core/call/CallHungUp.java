package dev.switchboard.core.call;

/** The caller left: thrown by any blocking {@link CallControl} method once the call is over. */
public final class CallHungUp extends RuntimeException {
    public CallHungUp() {
        super("the caller hung up", null, false, false);
    }
}
