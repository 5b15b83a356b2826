package dev.switchboard.media;

/** An opened {@link AudioSource}: 8 kHz mono signed 16-bit samples, read frame by frame on the media clock. */
public interface AudioStream extends AutoCloseable {

    /**
     * Copies up to {@code length} samples into {@code buffer}. Must not block: everything slow happened in
     * {@link AudioSource#open}.
     *
     * @return samples copied (at least 1 while not ended), or -1 at the end
     */
    int read(short[] buffer, int offset, int length);

    /** Frees what the stream holds. */
    @Override
    default void close() {
    }
}
