package dev.switchboard.media;

import dev.switchboard.media.prompt.EnglishWords;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Speaks values by concatenating prompts ({@code digit-7}, {@code number-20}, {@code number-hundred},
 * {@code month-3}, {@code day-1}…), so an account that replaces those prompts with recordings hears its own voice,
 * and any TTS engine works. en-us wording; other languages fall back to it.
 */
public final class Sayer {
    private final String language;

    private Sayer(String language) {
        this.language = language;
    }

    public static Sayer forLanguage(String language) {
        return new Sayer(language);
    }

    /** One digit (or letter, or * and #) after another: "one two three". */
    public AudioSource digits(String digits) {
        return sequence(EnglishWords.characters(digits));
    }

    /** Letters spelled one by one ("a b c"); digits among them are spoken as digits. */
    public AudioSource letters(String text) {
        return sequence(EnglishWords.characters(text));
    }

    /** A cardinal number up to the billions: "one thousand two hundred thirty four"; negatives start "minus". */
    public AudioSource number(long value) {
        return sequence(EnglishWords.number(value));
    }

    /** "Tuesday, March third, twenty twenty six". */
    public AudioSource date(ZonedDateTime when) {
        return sequence(EnglishWords.date(when));
    }

    /** "three forty five p m"; "three o'clock p m" on the hour. */
    public AudioSource time(ZonedDateTime when) {
        return sequence(EnglishWords.time(when));
    }

    /** The date, then "at", then the time. */
    public AudioSource dateTime(ZonedDateTime when) {
        List<String> ids = new ArrayList<>(EnglishWords.date(when));
        ids.add("word-at");
        ids.addAll(EnglishWords.time(when));
        return sequence(ids);
    }

    /** "twelve dollars and five cents" (US dollars' words for any currency). */
    public AudioSource currency(java.math.BigDecimal amount) {
        return sequence(EnglishWords.currency(amount));
    }

    /** The prompt ids a value is made of, for traces and tests. */
    public static List<String> promptIdsForNumber(long value) {
        return EnglishWords.number(value);
    }

    private AudioSource sequence(List<String> promptIds) {
        List<AudioSource> parts = new ArrayList<>(promptIds.size());
        for (String id : promptIds) {
            parts.add(AudioSources.prompt(id, language));
        }
        return AudioSources.concat(parts);
    }
}
