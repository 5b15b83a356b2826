package dev.switchboard.media;

import dev.switchboard.media.audio.ConcatStream;
import dev.switchboard.media.audio.DecodedFileSource;
import dev.switchboard.media.audio.LoopStream;
import dev.switchboard.media.audio.PcmStream;
import dev.switchboard.media.audio.ToneStream;
import dev.switchboard.media.audio.UrlAudioCache;
import dev.switchboard.media.prompt.SystemPrompts;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** The sources a session can play. Each is cheap to make; the work happens when it is opened for playback. */
public final class AudioSources {
    private AudioSources() {
    }

    /** 8 kHz mono 16-bit samples already in memory. */
    public static AudioSource pcm(short[] samples) {
        short[] copy = samples.clone();
        return context -> new PcmStream(copy);
    }

    /** A WAV file's bytes in any common rate, width or encoding; decoded and resampled once, on first use. */
    public static AudioSource wav(byte[] bytes) {
        return DecodedFileSource.ofBytes(bytes.clone(), "audio/wav");
    }

    /** A WAV file on disk; decoded once per file version (path, size, modification time). */
    public static AudioSource wav(Path file) {
        return DecodedFileSource.ofFile(file);
    }

    public static AudioSource mp3(byte[] bytes) {
        return DecodedFileSource.ofBytes(bytes.clone(), "audio/mpeg");
    }

    public static AudioSource mp3(Path file) {
        return DecodedFileSource.ofFile(file);
    }

    /** WAV, MP3 or Ogg bytes, whichever they are (stored media); {@code contentTypeOrName} helps only when unclear. */
    public static AudioSource encoded(byte[] bytes, String contentTypeOrName) {
        return DecodedFileSource.ofBytes(bytes.clone(), contentTypeOrName);
    }

    public static AudioSource tone(ToneSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return context -> new ToneStream(spec);
    }

    public static AudioSource silence(Duration duration) {
        short[] zeros = new short[(int) Math.max(0, duration.toMillis() * 8)];
        return context -> new PcmStream(zeros);
    }

    /** One after the other. Every part is opened before playback starts, so no part waits on the clock. */
    public static AudioSource concat(AudioSource... parts) {
        return concat(List.of(parts));
    }

    public static AudioSource concat(List<AudioSource> parts) {
        List<AudioSource> copy = List.copyOf(parts);
        return context -> ConcatStream.open(copy, context);
    }

    /** Repeats a source until the playback is stopped (music on hold). */
    public static AudioSource loop(AudioSource source) {
        return loop(source, Integer.MAX_VALUE);
    }

    /** Repeats a source {@code times} times. */
    public static AudioSource loop(AudioSource source, int times) {
        Objects.requireNonNull(source, "source");
        return context -> LoopStream.open(source, times, context);
    }

    /** Text spoken by the engine's TTS (cached by text, language and voice). */
    public static AudioSource tts(String text, String language) {
        return tts(text, language, null);
    }

    public static AudioSource tts(String text, String language, String voice) {
        Objects.requireNonNull(text, "text");
        return context -> new PcmStream(context.tts().synthesize(text,
                language != null ? language : context.defaultLanguage(), voice));
    }

    /**
     * An http(s) URL to a WAV, MP3 or Ogg file, fetched with {@code java.net.http} into the disk cache
     * (revalidated with ETag/Last-Modified), limited in size. A failed fetch fails the playback with the HTTP status
     * or the reason.
     */
    public static AudioSource url(URI uri) {
        Objects.requireNonNull(uri, "uri");
        return context -> new PcmStream(UrlAudioCache.fetch(uri, context));
    }

    /**
     * A system prompt ({@code vm-enter_pin}, {@code digit-7}…): the session's {@link PromptResolver} override first,
     * else the catalogue's text spoken by TTS once and cached.
     *
     * @param language null for the engine's default
     */
    public static AudioSource prompt(String id, String language) {
        Objects.requireNonNull(id, "id");
        return context -> SystemPrompts.open(id, language != null ? language : context.defaultLanguage(), context);
    }
}
