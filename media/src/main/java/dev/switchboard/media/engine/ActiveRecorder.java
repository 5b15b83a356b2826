package dev.switchboard.media.engine;

import dev.switchboard.media.RecordOptions;
import dev.switchboard.media.Recorder;
import dev.switchboard.media.RecordingResult;
import dev.switchboard.media.RecordingResult.EndReason;
import dev.switchboard.media.audio.WavEncoder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Collects the frames the jitter buffer releases, one per tick, until the maximum length, enough silence, a
 * terminating key, {@link #stop()} or the end of the session; then writes the WAV off the clock.
 */
final class ActiveRecorder implements Recorder {
    private final RecordOptions options;
    private final Executor completer;
    private final CompletableFuture<RecordingResult> result = new CompletableFuture<>();
    private final int maxSamples;
    private final long silenceSamples;
    private short[] samples = new short[8000 * 10];
    private int length;
    private long silentRun;
    private boolean done;

    ActiveRecorder(RecordOptions options, Executor completer) {
        this.options = options;
        this.completer = completer;
        this.maxSamples = (int) Math.min(Integer.MAX_VALUE - 8, options.maxLength().toMillis() * 8);
        this.silenceSamples = options.silenceDuration().toMillis() * 8;
    }

    /** Adds a frame (clock thread). */
    synchronized void accept(short[] frame) {
        if (done) {
            return;
        }
        int n = Math.min(frame.length, maxSamples - length);
        if (length + n > samples.length) {
            samples = Arrays.copyOf(samples, Math.min(maxSamples, Math.max(samples.length * 2, length + n)));
        }
        System.arraycopy(frame, 0, samples, length, n);
        length += n;
        if (length >= maxSamples) {
            finish(EndReason.MAX_LENGTH, null);
            return;
        }
        if (silenceSamples > 0) {
            int peak = 0;
            for (short s : frame) {
                peak = Math.max(peak, Math.abs(s));
            }
            silentRun = peak < options.silenceThreshold() ? silentRun + frame.length : 0;
            if (silentRun >= silenceSamples) {
                finish(EndReason.SILENCE, null);
            }
        }
    }

    /** A key the remote pressed; ends the recording when it is a terminator. */
    synchronized void key(char key) {
        if (options.endsOn(key)) {
            finish(EndReason.KEY, key);
        }
    }

    synchronized boolean isDone() {
        return done;
    }

    synchronized void finish(EndReason reason, Character key) {
        if (done) {
            return;
        }
        done = true;
        short[] recorded = samples;
        int recordedLength = length;
        samples = new short[0];
        completer.execute(() -> complete(recorded, recordedLength, reason, key));
    }

    private void complete(short[] recorded, int recordedLength, EndReason reason, Character key) {
        byte[] wav = WavEncoder.encode(recorded, recordedLength);
        Duration duration = Duration.ofMillis(recordedLength / 8L);
        Path target = options.target();
        if (target == null) {
            result.complete(new RecordingResult(Optional.of(wav), Optional.empty(), duration, reason,
                    Optional.ofNullable(key)));
            return;
        }
        try {
            writeDurably(target, wav);
            result.complete(new RecordingResult(Optional.empty(), Optional.of(target), duration, reason,
                    Optional.ofNullable(key)));
        } catch (IOException e) {
            result.completeExceptionally(e);
        }
    }

    /** Writes next to the target, fsyncs, then renames, so a crash leaves the old file or the whole new one. */
    private static void writeDurably(Path target, byte[] bytes) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temp = Files.createTempFile(absolute.getParent(), ".recording-", ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public CompletableFuture<RecordingResult> result() {
        return result;
    }

    @Override
    public void stop() {
        finish(EndReason.STOPPED, null);
    }
}
