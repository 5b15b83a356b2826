package dev.switchboard.media.engine;

import dev.switchboard.media.AudioContext;
import dev.switchboard.media.AudioSource;
import dev.switchboard.media.AudioStream;
import dev.switchboard.media.PlayOptions;
import dev.switchboard.media.PlayResult;
import dev.switchboard.media.Playback;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A source being played: opened on a virtual thread, then read a frame per tick on the clock. Until it is open the
 * session sends silence. Its future completes on the engine's executor, never on the clock.
 */
final class ActivePlayback implements Playback {
    private final PlayOptions options;
    private final Executor completer;
    private final CompletableFuture<PlayResult> result = new CompletableFuture<>();
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile AudioStream stream;
    private volatile long samplesPlayed;

    ActivePlayback(PlayOptions options, Executor completer) {
        this.options = options;
        this.completer = completer;
    }

    /** Opens the source; runs on a virtual thread. */
    void open(AudioSource source, AudioContext context) {
        try {
            AudioStream opened = source.open(context);
            stream = opened;
            if (done.get()) {
                opened.close();
            }
        } catch (Exception e) {
            String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            finish(PlayResult.Outcome.FAILED, null, reason);
        }
    }

    /**
     * Fills the next frame (clock thread); silence while opening or after the end.
     *
     * @return whether the frame carries this playback's audio (false once it is over)
     */
    boolean fill(short[] frame) {
        if (done.get()) {
            Arrays.fill(frame, (short) 0);
            return false;
        }
        AudioStream s = stream;
        if (s == null) {
            Arrays.fill(frame, (short) 0);
            return true;
        }
        int filled = 0;
        while (filled < frame.length) {
            int n = s.read(frame, filled, frame.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
        }
        Arrays.fill(frame, filled, frame.length, (short) 0);
        samplesPlayed += filled;
        if (filled < frame.length) {
            finish(PlayResult.Outcome.FINISHED, null, null);
        }
        return filled > 0;
    }

    boolean isDone() {
        return done.get();
    }

    PlayOptions options() {
        return options;
    }

    void finish(PlayResult.Outcome outcome, Character key, String failure) {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        AudioStream s = stream;
        PlayResult value = new PlayResult(outcome, Optional.ofNullable(key),
                Duration.ofMillis(samplesPlayed / 8), Optional.ofNullable(failure));
        completer.execute(() -> {
            if (s != null) {
                s.close();
            }
            result.complete(value);
        });
    }

    @Override
    public CompletableFuture<PlayResult> result() {
        return result;
    }

    @Override
    public void stop() {
        finish(PlayResult.Outcome.STOPPED, null, null);
    }
}
