package dev.switchboard.media.prompt;

import dev.switchboard.media.AudioContext;
import dev.switchboard.media.AudioStream;
import dev.switchboard.media.AudioSource;
import dev.switchboard.media.audio.PcmStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalogue of system prompts ({@code prompts/<language>.properties}: id = text) and how one is played: an
 * override from the {@link dev.switchboard.media.PromptResolver} first, else the text spoken by the TTS engine
 * (whose cache keeps the audio on disk, so each prompt is synthesised once per machine).
 */
public final class SystemPrompts {
    private static final String FALLBACK_LANGUAGE = "en-us";
    private static final Map<String, Map<String, String>> CATALOGUES = new ConcurrentHashMap<>();

    private SystemPrompts() {
    }

    public static AudioStream open(String id, String language, AudioContext context) throws IOException {
        String lang = language.toLowerCase(Locale.ROOT);
        Optional<AudioSource> override = context.promptResolver().resolve(id, lang);
        if (override.isPresent()) {
            return override.get().open(context);
        }
        Optional<String> text = text(id, lang);
        if (text.isEmpty()) {
            throw new IOException("no system prompt '" + id + "' in " + lang);
        }
        String spokenIn = catalogue(lang).containsKey(id) ? lang : FALLBACK_LANGUAGE;
        return new PcmStream(context.tts().synthesize(text.get(), spokenIn, null));
    }

    /** The text of a prompt in a language, falling back to en-us. */
    public static Optional<String> text(String id, String language) {
        String text = catalogue(language.toLowerCase(Locale.ROOT)).get(id);
        return Optional.ofNullable(text != null ? text : catalogue(FALLBACK_LANGUAGE).get(id));
    }

    /** Every prompt id of a language's catalogue. */
    public static Set<String> ids(String language) {
        return catalogue(language.toLowerCase(Locale.ROOT)).keySet();
    }

    private static Map<String, String> catalogue(String language) {
        return CATALOGUES.computeIfAbsent(language, SystemPrompts::load);
    }

    private static Map<String, String> load(String language) {
        String resource = "/dev/switchboard/media/prompts/" + language + ".properties";
        try (InputStream in = SystemPrompts.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Map.of();
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> map = new ConcurrentHashMap<>();
            properties.forEach((k, v) -> map.put(k.toString(), v.toString()));
            return Map.copyOf(map);
        } catch (IOException e) {
            throw new UncheckedIOException("prompt catalogue " + resource + " is unreadable", e);
        }
    }
}
