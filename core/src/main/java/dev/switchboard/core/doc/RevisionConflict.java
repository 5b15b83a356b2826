package dev.switchboard.core.doc;

/** A write named a revision that is no longer current, or created an id that exists: KAZOO's 409. */
public final class RevisionConflict extends RuntimeException {
    public RevisionConflict(String message) {
        super(message);
    }
}
