package dev.switchboard.media.tts;

import dev.switchboard.media.TtsEngine;
import dev.switchboard.media.audio.WavDecoder;
import dev.switchboard.media.audio.WavEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Keeps what an engine said on disk, keyed by a hash of engine, language, voice and text. */
public final class CachingTts implements TtsEngine {
    private final TtsEngine engine;
    private final Path directory;

    public CachingTts(TtsEngine engine, Path directory) {
        this.engine = engine;
        this.directory = directory;
    }

    @Override
    public short[] synthesize(String text, String language, String voice) throws IOException {
        Path file = directory.resolve(key(text, language, voice) + ".wav");
        if (Files.isRegularFile(file)) {
            try {
                return WavDecoder.decode(Files.readAllBytes(file)).toNarrowband();
            } catch (IOException e) {
                Files.deleteIfExists(file);
            }
        }
        short[] samples = engine.synthesize(text, language, voice);
        Files.createDirectories(directory);
        Path temp = Files.createTempFile(directory, "tts-", ".tmp");
        Files.write(temp, WavEncoder.encode(samples));
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return samples;
    }

    private String key(String text, String language, String voice) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String material = engine.name() + "\n" + language + "\n" + voice + "\n" + text;
            return HexFormat.of().formatHex(digest.digest(material.getBytes(StandardCharsets.UTF_8)), 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String name() {
        return engine.name();
    }
}
