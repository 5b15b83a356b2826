package dev.switchboard.media.audio;

import dev.switchboard.media.AudioContext;
import dev.switchboard.media.AudioFormatException;
import dev.switchboard.media.AudioImport;
import dev.switchboard.media.AudioSource;
import dev.switchboard.media.AudioStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** A WAV, MP3 or Ogg file decoded to 8 kHz mono once, on first open, and kept for the next plays of this source. */
public final class DecodedFileSource implements AudioSource {
    private final byte[] bytes;
    private final String contentTypeOrName;
    private final Path file;
    private volatile Decoded decoded;

    private record Decoded(Object version, short[] samples) {
    }

    private DecodedFileSource(byte[] bytes, String contentTypeOrName, Path file) {
        this.bytes = bytes;
        this.contentTypeOrName = contentTypeOrName;
        this.file = file;
    }

    public static DecodedFileSource ofBytes(byte[] bytes, String contentTypeOrName) {
        return new DecodedFileSource(bytes, contentTypeOrName, null);
    }

    public static DecodedFileSource ofFile(Path file) {
        return new DecodedFileSource(null, file.getFileName().toString(), file);
    }

    @Override
    public AudioStream open(AudioContext context) throws IOException {
        return new PcmStream(samples());
    }

    /** The decoded samples, decoding now if this is the first use or the file changed. */
    public short[] samples() throws IOException {
        Object version = version();
        Decoded current = decoded;
        if (current == null || !current.version().equals(version)) {
            byte[] content = bytes != null ? bytes : read();
            current = new Decoded(version, AudioImport.decode(content, contentTypeOrName).toNarrowband());
            decoded = current;
        }
        return current.samples();
    }

    private Object version() throws IOException {
        if (file == null) {
            return "bytes";
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.size() + "@" + attributes.lastModifiedTime().toMillis();
        } catch (NoSuchFileException e) {
            throw new AudioFormatException("audio file " + file + " does not exist");
        }
    }

    private byte[] read() throws IOException {
        return Files.readAllBytes(file);
    }
}
