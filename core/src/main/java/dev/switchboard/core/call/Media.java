package dev.switchboard.core.call;

/** Something a call can hear (spec §5.1). */
public sealed interface Media {
    /** A system prompt such as {@code menu-invalid_entry}, in the call's language unless one is given. */
    record Prompt(String id, String language) implements Media {
        public static Prompt of(String id) {
            return new Prompt(id, null);
        }
    }

    /** A media document of an account. */
    record Stored(String accountId, String mediaId) implements Media {
    }

    /** An http(s) URL, or a switch-native path kept as is (tone_stream://, /system_media/...). */
    record Url(String url) implements Media {
    }

    /** Text to speech. */
    record Tts(String text, String voice, String language) implements Media {
    }

    /** A tone: {@code frequencies} in Hz played together, on/off cadence in ms, total length in ms. */
    record Tone(int[] frequencies, int onMs, int offMs, int durationMs) implements Media {
        public static final Tone BEEP = new Tone(new int[] {440}, 500, 0, 500);
    }

    /** Silence of a length. */
    record Silence(int durationMs) implements Media {
    }

    /** A short human-readable form for traces: {@code prompt:menu-exit}, {@code media:<id>}, {@code tts:Hello}. */
    default String describe() {
        return switch (this) {
            case Prompt p -> "prompt:" + p.id();
            case Stored s -> "media:" + s.mediaId();
            case Url u -> "url:" + u.url();
            case Tts t -> "tts:" + t.text();
            case Tone t -> "tone:" + java.util.Arrays.toString(t.frequencies()).replace(" ", "");
            case Silence s -> "silence:" + s.durationMs();
        };
    }
}
