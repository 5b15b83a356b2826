package dev.switchboard.core.actions;

import java.util.Optional;

import dev.switchboard.core.call.Media;
import dev.switchboard.core.call.SayRequest;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;

/**
 * {@code audio_macro} (spec §6.7): plays {@code macros} in order as one prompt: {@code play} (media id or URL),
 * {@code prompt} (system prompt), {@code say} (a value spoken by type), {@code tts} (text to speech) and
 * {@code tone} items. Items that name nothing to play are left out. A terminator key (the item's
 * {@code terminators}, else the macro's, else any key) skips the rest. Like the switch's playback, an unanswered
 * call hears it as early media.
 */
public final class AudioMacroAction implements Action {

    @Override
    public String module() {
        return "audio_macro";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        JsonNode items = data.path("macros");
        if (!items.isArray() || items.isEmpty()) {
            return Next.CONTINUE;
        }
        if (!ctx.call().answered()) {
            ctx.call().earlyMedia();
        }
        String macroTerminators = PlayAction.terminators(data);
        String macroLanguage = data.path("language").asString("");
        for (JsonNode item : items) {
            String terminators = item.has("terminators") ? PlayAction.terminators(item) : macroTerminators;
            String language = item.path("language").asString(macroLanguage);
            if (play(ctx, item, terminators, language.isEmpty() ? null : language).isPresent()) {
                break;
            }
        }
        return Next.CONTINUE;
    }

    /** Plays one item; returns the terminator that stopped it. */
    private static Optional<String> play(ActionContext ctx, JsonNode item, String terminators, String language) {
        String kind = item.path("macro").asString("");
        Optional<Media> media = switch (kind) {
            case "play" -> ctx.media(item.path("id").asString(""));
            case "prompt" -> text(item, "id").map(id -> new Media.Prompt(id, language));
            case "tts" -> text(item, "text").map(text -> new Media.Tts(text,
                    text(item, "voice").orElse(TtsAction.DEFAULT_VOICE),
                    language != null ? language : ctx.call().language()));
            case "tone" -> tone(item);
            default -> Optional.empty();
        };
        if (media.isPresent()) {
            return ctx.call().play(media.get(), terminators);
        }
        if (kind.equals("say")) {
            Optional<SayRequest> say = say(ctx, item);
            if (say.isPresent()) {
                return ctx.call().say(say.get(), terminators);
            }
        }
        ctx.event("audio_macro:skipped:" + kind);
        return Optional.empty();
    }

    private static Optional<String> text(JsonNode item, String key) {
        String value = item.path(key).asString("");
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** {@code repeat} cycles of {@code duration_on} ms of the frequencies and {@code duration_off} ms of silence. */
    private static Optional<Media> tone(JsonNode item) {
        JsonNode frequencies = item.path("frequencies");
        if (!frequencies.isArray() || frequencies.isEmpty()) {
            return Optional.empty();
        }
        int[] hz = new int[frequencies.size()];
        for (int i = 0; i < hz.length; i++) {
            hz[i] = frequencies.get(i).asInt(0);
        }
        int on = Math.max(0, item.path("duration_on").asInt(0));
        int off = Math.max(0, item.path("duration_off").asInt(0));
        int cycles = Math.max(1, item.path("repeat").asInt(1));
        return on == 0 ? Optional.empty() : Optional.of(new Media.Tone(hz, on, off, (on + off) * cycles));
    }

    /**
     * KAZOO's say types on the engine's few: dates and times of now, digit by digit, letter by letter, or as a
     * quantity. A {@code say} without {@code type} spells its text, as the switch does by default.
     */
    private static Optional<SayRequest> say(ActionContext ctx, JsonNode item) {
        String text = item.path("text").asString("");
        String type = item.path("type").asString("name_spelled");
        String method = item.path("method").asString("pronounced");
        String timezone = ctx.timezone(null).getId();
        String now = String.valueOf(ctx.call().now().getEpochSecond() + Document.GREGORIAN_UNIX_OFFSET);
        SayRequest request = switch (type) {
            case "current_date" -> new SayRequest(now, "date", method, timezone);
            case "current_time" -> new SayRequest(now, "time", method, timezone);
            case "current_date_time" -> new SayRequest(now, "date_time", method, timezone);
            case "short_date_time" -> new SayRequest(text.matches("\\d+") ? text : now, "date_time", method, timezone);
            case "number" -> new SayRequest(text, method.equals("iterated") ? "digits" : "number", method, timezone);
            case "items", "persons", "messages", "currency", "time_measurement" ->
                    new SayRequest(text, "number", method, timezone);
            case "telephone_number", "telephone_extension", "account_number", "ip_address" ->
                    new SayRequest(text, "digits", method, timezone);
            default -> new SayRequest(text, "letters", method, timezone);
        };
        return request.value().isEmpty() ? Optional.empty() : Optional.of(request);
    }
}
