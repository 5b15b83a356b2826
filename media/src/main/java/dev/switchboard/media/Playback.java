package dev.switchboard.media;

import java.util.concurrent.CompletableFuture;

/** A source being played on a session. */
public interface Playback {

    /** Completes when the playback ends, however it ends; never exceptionally. */
    CompletableFuture<PlayResult> result();

    /** Stops it now; harmless when it already ended. */
    void stop();
}
