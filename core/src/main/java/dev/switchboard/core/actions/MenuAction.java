package dev.switchboard.core.actions;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.switchboard.core.call.CallHungUp;
import dev.switchboard.core.call.DigitRequest;
import dev.switchboard.core.call.Digits;
import dev.switchboard.core.call.Media;
import dev.switchboard.core.call.RecordRequest;
import dev.switchboard.core.call.Recording;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import dev.switchboard.core.routing.Route;
import dev.switchboard.core.schema.PcrePattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code menu} (spec §6.43): the auto attendant. Plays the menu document's greeting and collects up to
 * {@code max_extension_length} keys; a child keyed with exactly those keys is taken; otherwise, with
 * {@code hunt}, the keys are dialled as a number of the account ({@code hunt_allow} / {@code hunt_deny} permitting)
 * and the callflow found is entered; otherwise the invalid-entry prompt plays and a retry is spent. No keys try
 * the child {@code timeout} the same way, then spend a retry. With the retries spent, the exit prompt plays and the
 * call goes to {@code max_retries}, else "_". The {@code record_pin} lets the caller record a new greeting.
 */
public final class MenuAction implements Action {
    private static final int DEFAULT_RETRIES = 3;
    private static final int DEFAULT_TIMEOUT_MS = 10_000;
    private static final int DEFAULT_INTERDIGIT_MS = 2000;
    private static final int DEFAULT_MAX_LENGTH = 4;
    /** KAZOO's {@code callflow.menu.min_greeting_length}. */
    private static final Duration SHORTEST_GREETING = Duration.ofMillis(1500);
    private static final Duration LONGEST_GREETING = Duration.ofSeconds(120);
    private static final Duration GREETING_SILENCE = Duration.ofSeconds(5);
    private static final String NO_KEYS = "timeout";

    private record Menu(String id, String name, int retries, Duration timeout, Duration interdigit, int maxLength,
                        boolean hunt, String huntAllow, String huntDeny, String recordPin, boolean recordFromOffnet,
                        String greeting, JsonNode media) {
    }

    private enum Review { SAVE, RERECORD, DISCARD }

    @Override
    public String module() {
        return "menu";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        Menu menu = load(ctx, data);
        ctx.call().answer();
        String greeting = menu.greeting();
        int retries = menu.retries();
        while (retries > 0) {
            Media prompt = ctx.media(greeting).orElse(Media.Prompt.of("menu-no_prompt"));
            Digits keys = ctx.call().collect(new DigitRequest(List.of(prompt), 1, menu.maxLength(), menu.timeout(),
                    menu.interdigit(), "#"));
            String entry = keys.isEmpty() ? NO_KEYS : keys.digits();
            Optional<Next> chosen = choose(ctx, menu, entry);
            if (chosen.isPresent()) {
                return chosen.get();
            }
            if (keys.isEmpty()) {
                retries--;
            } else if (entry.equals(menu.recordPin()) && (menu.recordFromOffnet() || !ctx.call().info().fromCarrier())) {
                greeting = recordGreeting(ctx, menu, greeting);
                ctx.call().play(Media.Prompt.of("menu-return"), "");
            } else {
                ctx.event("menu:invalid:" + entry);
                prompt(ctx, menu.media().path("invalid_media"), "menu-invalid_entry").ifPresent(m -> ctx.call().play(m, ""));
                retries--;
            }
        }
        ctx.event("menu:max_retries");
        ctx.call().takeBufferedDigits();
        prompt(ctx, menu.media().path("exit_media"), "menu-exit").ifPresent(m -> ctx.call().play(m, ""));
        if (ctx.hasChild("max_retries")) {
            return Next.to("max_retries");
        }
        Optional<Media> farewell = ctx.hasChild("_") ? prompt(ctx, menu.media().path("transfer_media"),
                "menu-transferring_call") : Optional.of(Media.Prompt.of("vm-goodbye"));
        farewell.ifPresent(m -> ctx.call().play(m, ""));
        return Next.CONTINUE;
    }

    /** The child keyed {@code entry}, else the callflow {@code entry} reaches when hunting is on. */
    private static Optional<Next> choose(ActionContext ctx, Menu menu, String entry) {
        if (ctx.hasChild(entry)) {
            return Optional.of(Next.to(entry));
        }
        if (!menu.hunt() || !allowed(menu, entry)) {
            return Optional.empty();
        }
        Optional<Route> route = ctx.route(entry, false).filter(r -> !r.noMatch());
        if (route.isEmpty()) {
            return Optional.empty();
        }
        ctx.event("menu:hunt:" + entry);
        ctx.call().takeBufferedDigits();
        prompt(ctx, menu.media().path("transfer_media"), "menu-transferring_call").ifPresent(m -> ctx.call().play(m, ""));
        return Optional.of(CallflowBranch.into(ctx, route.get()));
    }

    /** An unusable {@code hunt_allow} allows nothing and an unusable {@code hunt_deny} denies everything. */
    private static boolean allowed(Menu menu, String entry) {
        if (!menu.huntAllow().isEmpty()
                && !(PcrePattern.isValid(menu.huntAllow()) && PcrePattern.compile(menu.huntAllow()).matcher(entry).find())) {
            return false;
        }
        return menu.huntDeny().isEmpty()
                || PcrePattern.isValid(menu.huntDeny()) && !PcrePattern.compile(menu.huntDeny()).matcher(entry).find();
    }

    /**
     * One of the menu's configurable prompts: absent or {@code true} is the system prompt, {@code false} is none,
     * any other text names media (an id of the account, or a URL).
     */
    private static Optional<Media> prompt(ActionContext ctx, JsonNode configured, String systemPrompt) {
        String value = configured.isString() || configured.isBoolean() ? configured.asString() : "";
        if (value.equals("false")) {
            return Optional.empty();
        }
        if (value.isEmpty() || value.equals("true")) {
            return Optional.of(Media.Prompt.of(systemPrompt));
        }
        return ctx.media(value);
    }

    /**
     * The greeting recording sub-menu: record after a beep, then 1 keeps it, 2 plays it back, 3 records again and
     * silence discards it. A kept greeting becomes a new media document the menu points to.
     *
     * @return the greeting the menu plays from now on
     */
    private static String recordGreeting(ActionContext ctx, Menu menu, String greeting) {
        ctx.event("menu:record_greeting");
        String draft = null;
        while (true) {
            ctx.call().play(Media.Prompt.of("vm-record_greeting"), "");
            Recording recording = ctx.call().record(new RecordRequest(LONGEST_GREETING, GREETING_SILENCE, true,
                    PlayAction.ANY_DIGIT, RecordingSettings.DEFAULT_FORMAT));
            if (recording.hungUp()) {
                throw new CallHungUp();
            }
            draft = RecordedMedia.save(ctx.documents(), draft, greetingFields(ctx, menu), recording);
            switch (review(ctx, menu, draft)) {
                case RERECORD -> {
                }
                case DISCARD -> {
                    ctx.event("menu:greeting_discarded");
                    ctx.call().play(Media.Prompt.of("vm-deleted"), "");
                    return greeting;
                }
                case SAVE -> {
                    if (recording.length().compareTo(SHORTEST_GREETING) < 0) {
                        ctx.call().play(Media.Prompt.of("vm-recording_to_short"), "");
                        continue;
                    }
                    pointGreetingAt(ctx, menu, draft);
                    ctx.event("menu:greeting_saved:" + draft);
                    ctx.call().play(Media.Prompt.of("vm-saved"), "");
                    return draft;
                }
            }
        }
    }

    private static Review review(ActionContext ctx, Menu menu, String draft) {
        while (true) {
            ctx.call().takeBufferedDigits();
            Digits key = ctx.call().collect(new DigitRequest(List.of(Media.Prompt.of("vm-review_recording")), 1, 1,
                    menu.timeout(), menu.interdigit(), ""));
            switch (key.digits()) {
                case "1" -> {
                    return Review.SAVE;
                }
                case "2" -> ctx.call().play(new Media.Stored(ctx.accountId(), draft), "");
                case "3" -> {
                    return Review.RERECORD;
                }
                case "" -> {
                    return Review.DISCARD;
                }
                default -> {
                }
            }
        }
    }

    private static ObjectNode greetingFields(ActionContext ctx, Menu menu) {
        return Json.object().put("name", menu.name() + " menu greeting")
                .put("description", "recorded by " + ctx.call().callerId().name())
                .put("source_type", "menu")
                .put("source_id", menu.id())
                .put("streamable", true);
    }

    private static void pointGreetingAt(ActionContext ctx, Menu menu, String mediaId) {
        ctx.documents().get("menu", menu.id()).ifPresent(doc -> {
            ObjectNode body = doc.body().deepCopy();
            ObjectNode media = body.get("media") instanceof ObjectNode m ? m : body.putObject("media");
            media.put("greeting", mediaId);
            ctx.documents().save("menu", doc.id(), body);
        });
    }

    /** The menu document with KAZOO's runtime defaults; a missing document is a menu of defaults only. */
    private static Menu load(ActionContext ctx, JsonNode data) {
        String id = data.path("id").asString("");
        Optional<Document> doc = ctx.documents().get("menu", id);
        if (doc.isEmpty()) {
            ctx.event("menu:not_found:" + id);
        }
        JsonNode m = doc.map(d -> (JsonNode) d.body()).orElse(Json.object());
        int interdigit = m.path("interdigit_timeout").asInt(data.path("interdigit_timeout").asInt(DEFAULT_INTERDIGIT_MS));
        return new Menu(id,
                m.path("name").asString(id),
                m.path("retries").asInt(DEFAULT_RETRIES),
                Duration.ofMillis(positive(m.path("timeout").asInt(DEFAULT_TIMEOUT_MS), DEFAULT_TIMEOUT_MS)),
                Duration.ofMillis(positive(interdigit, DEFAULT_INTERDIGIT_MS)),
                positive(m.path("max_extension_length").asInt(DEFAULT_MAX_LENGTH), DEFAULT_MAX_LENGTH),
                m.path("hunt").asBoolean(false),
                m.path("hunt_allow").asString(""),
                m.path("hunt_deny").asString(""),
                m.path("record_pin").asString(""),
                m.path("allow_record_from_offnet").asBoolean(false),
                m.path("media").path("greeting").asString(""),
                m.path("media"));
    }

    private static int positive(int value, int fallback) {
        return value > 0 ? value : fallback;
    }
}
