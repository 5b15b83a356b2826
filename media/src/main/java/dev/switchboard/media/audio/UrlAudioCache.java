package dev.switchboard.media.audio;

import dev.switchboard.media.AudioContext;
import dev.switchboard.media.AudioFormatException;
import dev.switchboard.media.AudioImport;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Properties;

/**
 * Fetches audio from http(s) URLs into the cache directory as normalised WAV, with the validators (ETag,
 * Last-Modified) beside it so the next use revalidates with a conditional GET instead of downloading again.
 */
public final class UrlAudioCache {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private UrlAudioCache() {
    }

    public static short[] fetch(URI uri, AudioContext context) throws IOException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IOException("only http and https audio URLs can be played, not '" + uri + "'");
        }
        Path directory = context.cacheDirectory().resolve("url");
        Files.createDirectories(directory);
        String key = key(uri);
        Path audio = directory.resolve(key + ".wav");
        Path meta = directory.resolve(key + ".properties");
        Properties validators = new Properties();
        boolean cached = Files.isRegularFile(audio) && Files.isRegularFile(meta);
        if (cached) {
            try (InputStream in = Files.newInputStream(meta)) {
                validators.load(in);
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET();
        if (cached && validators.getProperty("etag") != null) {
            request.header("If-None-Match", validators.getProperty("etag"));
        }
        if (cached && validators.getProperty("last-modified") != null) {
            request.header("If-Modified-Since", validators.getProperty("last-modified"));
        }
        HttpResponse<InputStream> response;
        try {
            response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("fetching " + uri + " was interrupted", e);
        } catch (IOException e) {
            if (cached) {
                return readCached(audio);
            }
            throw new IOException("cannot fetch " + uri + ": " + e.getMessage(), e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() == 304 && cached) {
                return readCached(audio);
            }
            if (response.statusCode() != 200) {
                throw new IOException("fetching " + uri + " answered HTTP " + response.statusCode());
            }
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > context.maxUrlBytes()) {
                throw new IOException(uri + " is " + declared + " bytes, more than the " + context.maxUrlBytes()
                        + " allowed");
            }
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, context.maxUrlBytes() + 1));
            if (bytes.length > context.maxUrlBytes()) {
                throw new IOException(uri + " is larger than the " + context.maxUrlBytes() + " bytes allowed");
            }
            String type = response.headers().firstValue("Content-Type").orElse(uri.getPath());
            short[] samples;
            try {
                samples = AudioImport.decode(bytes, type).toNarrowband();
            } catch (AudioFormatException e) {
                throw new AudioFormatException(uri + ": " + e.getMessage(), e);
            }
            store(audio, WavEncoder.encode(samples));
            Properties fresh = new Properties();
            response.headers().firstValue("ETag").ifPresent(v -> fresh.setProperty("etag", v));
            response.headers().firstValue("Last-Modified").ifPresent(v -> fresh.setProperty("last-modified", v));
            fresh.setProperty("url", uri.toString());
            Path temp = Files.createTempFile(audio.getParent(), "meta-", ".tmp");
            try (var out = Files.newOutputStream(temp)) {
                fresh.store(out, null);
            }
            Files.move(temp, meta, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return samples;
        }
    }

    private static short[] readCached(Path audio) throws IOException {
        return WavDecoder.decode(Files.readAllBytes(audio)).toNarrowband();
    }

    private static void store(Path target, byte[] bytes) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "url-", ".tmp");
        Files.write(temp, bytes);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String key(URI uri) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(uri.toString().getBytes(StandardCharsets.UTF_8)), 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
