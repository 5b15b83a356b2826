package dev.switchboard.media;

import java.nio.file.Path;

/**
 * What a source may need to open itself: the TTS engine, the resolver of prompt overrides, the cache directory and
 * the default language.
 *
 * @param maxUrlBytes the largest file a {@link AudioSources#url} source may fetch
 */
public record AudioContext(TtsEngine tts, PromptResolver promptResolver, Path cacheDirectory, String defaultLanguage,
                           long maxUrlBytes) {

    /** The same context with another prompt resolver (a session's account). */
    public AudioContext withPromptResolver(PromptResolver resolver) {
        return new AudioContext(tts, resolver, cacheDirectory, defaultLanguage, maxUrlBytes);
    }
}
