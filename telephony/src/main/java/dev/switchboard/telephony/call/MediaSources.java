package dev.switchboard.telephony.call;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.switchboard.core.call.Media;
import dev.switchboard.core.call.SayRequest;
import dev.switchboard.core.doc.AttachmentStore;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.engine.AccountDocuments;
import dev.switchboard.media.AudioSource;
import dev.switchboard.media.AudioSources;
import dev.switchboard.media.PromptResolver;
import dev.switchboard.media.Sayer;
import dev.switchboard.media.ToneSpec;

/**
 * What the engine asks a call to hear ({@link Media}, {@link SayRequest}), as the media engine's sources: stored
 * media from the account (its audio, or its TTS text when it has none), system prompts (replaced by the account's
 * media with that {@code prompt_id}), URLs, TTS, tones and silence.
 */
public final class MediaSources {
    private static final Pattern TONE_STREAM = Pattern.compile("^tone_stream://(?:L=\\d+;)?%\\((\\d+),(\\d+),([\\d,]+)\\)");
    private static final String ATTACHMENT = "audio";

    private final AccountDocuments docs;

    public MediaSources(AccountDocuments docs) {
        this.docs = docs;
    }

    /** The account's replacements of system prompts: a media document whose {@code prompt_id} is the prompt. */
    public PromptResolver promptOverrides() {
        return (id, language) -> {
            Document best = null;
            for (Document media : docs.ofType("media")) {
                if (!id.equals(media.body().path("prompt_id").asString(null))) {
                    continue;
                }
                String lang = media.body().path("language").asString("");
                if (lang.isEmpty() || lang.equalsIgnoreCase(language)) {
                    best = media;
                    if (!lang.isEmpty()) {
                        break;
                    }
                }
            }
            return best == null ? Optional.empty() : stored(best, language);
        };
    }

    /**
     * @throws IOException when the media cannot be had (a missing document, an unsupported URL), with the reason
     */
    public AudioSource of(Media media, String language) throws IOException {
        return switch (media) {
            case Media.Prompt p -> AudioSources.prompt(p.id(), p.language() != null ? p.language() : language);
            case Media.Stored s -> docs.get("media", s.mediaId()).flatMap(d -> stored(d, language))
                    .orElseThrow(() -> new IOException("media " + s.mediaId() + " has no audio"));
            case Media.Url u -> url(u.url(), language);
            case Media.Tts t -> AudioSources.tts(t.text(), t.language() != null ? t.language() : language, voice(t.voice()));
            case Media.Tone t -> AudioSources.tone(ToneSpec.of(t.frequencies(), t.onMs(), t.offMs(), t.durationMs()));
            case Media.Silence s -> AudioSources.silence(Duration.ofMillis(s.durationMs()));
        };
    }

    /** A value spoken by joining prompts (digit-7, number-20…), so replaced prompts speak with the account's voice. */
    public static AudioSource say(SayRequest request, String language) {
        Sayer sayer = Sayer.forLanguage(language);
        String value = request.value() == null ? "" : request.value();
        String type = request.type() == null ? "" : request.type();
        try {
            return switch (type) {
                case "number" -> sayer.number(Long.parseLong(value.trim()));
                case "digits" -> sayer.digits(value);
                case "date", "time", "date_time" -> {
                    ZonedDateTime when = gregorian(value, request.timezone());
                    yield type.equals("date") ? sayer.date(when) : type.equals("time") ? sayer.time(when)
                            : sayer.dateTime(when);
                }
                default -> sayer.letters(value);
            };
        } catch (RuntimeException e) {
            return sayer.letters(value);
        }
    }

    private static ZonedDateTime gregorian(String value, String timezone) {
        long seconds = Long.parseLong(value.trim()) - Document.GREGORIAN_UNIX_OFFSET;
        ZoneId zone;
        try {
            zone = timezone == null || timezone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(timezone);
        } catch (RuntimeException e) {
            zone = ZoneId.of("UTC");
        }
        return Instant.ofEpochSecond(seconds).atZone(zone);
    }

    private Optional<AudioSource> stored(Document media, String language) {
        Optional<AttachmentStore.Attachment> audio = docs.attachment(media.id(), ATTACHMENT);
        if (audio.isPresent()) {
            return Optional.of(AudioSources.encoded(audio.get().bytes(), audio.get().contentType()));
        }
        String text = media.body().path("tts").path("text").asString("");
        if (!text.isBlank()) {
            String voice = media.body().path("tts").path("voice").asString("female/en-US");
            String[] parts = voice.split("/", 2);
            String lang = parts.length == 2 ? parts[1].toLowerCase(java.util.Locale.ROOT) : language;
            return Optional.of(AudioSources.tts(text, lang, parts[0]));
        }
        return Optional.empty();
    }

    /**
     * http(s) URLs are fetched; {@code /system_media/<id>} is a system prompt; {@code tone_stream://%(on,off,f...)}
     * a tone (FreeSWITCH's form, as KAZOO writes it).
     */
    private static AudioSource url(String url, String language) throws IOException {
        if (url.startsWith("http://") || url.startsWith("https://")) {
            return AudioSources.url(URI.create(url));
        }
        if (url.startsWith("/system_media/")) {
            return AudioSources.prompt(url.substring("/system_media/".length()), language);
        }
        Matcher tone = TONE_STREAM.matcher(url);
        if (tone.find()) {
            List<Integer> freqs = new ArrayList<>();
            for (String f : tone.group(3).split(",")) {
                if (!f.isBlank()) {
                    freqs.add(Integer.parseInt(f));
                }
            }
            return AudioSources.tone(ToneSpec.of(freqs.stream().mapToInt(Integer::intValue).toArray(),
                    Integer.parseInt(tone.group(1)), Integer.parseInt(tone.group(2)), 0));
        }
        throw new IOException("cannot play " + url + " on a real call");
    }

    private static String voice(String voice) {
        if (voice == null || voice.isBlank()) {
            return null;
        }
        return voice.contains("/") ? voice.substring(0, voice.indexOf('/')) : voice;
    }
}
