package dev.switchboard.media;

import java.util.concurrent.CompletableFuture;

/** A recording in progress. */
public interface Recorder {

    /**
     * Completes when the recording ends; exceptionally only when the target file cannot be written (with an
     * {@link java.io.IOException} cause).
     */
    CompletableFuture<RecordingResult> result();

    /** Ends the recording now, keeping what was recorded. */
    void stop();
}
