package dev.switchboard.core.actions;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.switchboard.core.call.CallInfo;
import dev.switchboard.core.call.DigitRequest;
import dev.switchboard.core.call.Media;
import dev.switchboard.core.call.SayRequest;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code call_forward} (spec §6.10): the feature codes that change the caller's forwarding ({@code *72} activate,
 * {@code *73} deactivate, {@code *56} update, {@code *74} toggle, or a {@code menu}). The document changed is the
 * calling device's user, else the calling device; without one: "cf-not_available" and stop. The forward number is
 * the capture group when the code carries one ({@code *72}<i>5551234</i>), else asked for: "cf-enter_number",
 * 3 to 20 digits, asked up to 3 times, confirmed with "vm-saved"; no number → nothing changes. Writes
 * {@code call_forward.enabled} and {@code call_forward.number}, then "_".
 */
public final class CallForwardAction implements Action {
    static final int MIN_NUMBER = 3;
    static final int MAX_NUMBER = 20;
    static final int NUMBER_ATTEMPTS = 3;
    static final Duration NUMBER_TIMEOUT = Duration.ofMillis(8000);
    /** The menu gives up after this many rounds, so a caller pressing odd keys forever still leaves it. */
    static final int MENU_ROUNDS = 10;

    @Override
    public String module() {
        return "call_forward";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        CallInfo info = ctx.call().info();
        Optional<Document> target = ctx.documents().get("user", info.ownerId())
                .or(() -> ctx.documents().get("device", info.deviceId()));
        if (target.isEmpty()) {
            prompt(ctx, "cf-not_available");
            return Next.STOP;
        }
        ctx.call().answer();
        Forwarding forwarding = new Forwarding(ctx, target.get());
        String capture = CallerIds.firstNonBlank(ctx.state().captureGroup(), null);
        switch (data.path("action").asString("")) {
            case "activate" -> activate(ctx, forwarding, capture);
            case "deactivate" -> deactivate(ctx, forwarding);
            case "update" -> update(ctx, forwarding, capture);
            case "toggle" -> toggle(ctx, forwarding, capture);
            case "menu" -> menu(ctx, forwarding);
            default -> ctx.event("call_forward:unknown_action");
        }
        return Next.CONTINUE;
    }

    private static void activate(ActionContext ctx, Forwarding forwarding, String capture) {
        String number = capture != null ? capture : askNumber(ctx);
        if (number == null) {
            return;
        }
        forwarding.save(true, number);
        announce(ctx, number);
    }

    private static void deactivate(ActionContext ctx, Forwarding forwarding) {
        forwarding.save(false, forwarding.number());
        prompt(ctx, "cf-disabled");
    }

    private static void update(ActionContext ctx, Forwarding forwarding, String capture) {
        String number = capture != null ? capture : askNumber(ctx);
        if (number != null) {
            forwarding.save(forwarding.enabled(), number);
        }
    }

    private static void toggle(ActionContext ctx, Forwarding forwarding, String capture) {
        if (forwarding.enabled()) {
            deactivate(ctx, forwarding);
        } else if (forwarding.number() != null) {
            forwarding.save(true, forwarding.number());
            announce(ctx, forwarding.number());
        } else {
            activate(ctx, forwarding, capture);
        }
    }

    /** "cf-enabled_menu"/"cf-disabled_menu": 1 toggles, 2 changes the number, other keys repeat, silence ends. */
    private static void menu(ActionContext ctx, Forwarding forwarding) {
        for (int round = 0; round < MENU_ROUNDS; round++) {
            String menu = forwarding.enabled() ? "cf-enabled_menu" : "cf-disabled_menu";
            String key = ctx.call().collect(new DigitRequest(List.of(Media.Prompt.of(menu)), 1, 1,
                    DigitRequest.DEFAULT_FIRST_DIGIT, DigitRequest.DEFAULT_INTERDIGIT, "")).digits();
            switch (key) {
                case "" -> {
                    return;
                }
                case "1" -> toggle(ctx, forwarding, null);
                case "2" -> update(ctx, forwarding, null);
                default -> {
                }
            }
        }
    }

    /** Asks for the forward number; too short asks again; null when the caller gives none. */
    private static String askNumber(ActionContext ctx) {
        for (int attempt = 0; attempt < NUMBER_ATTEMPTS; attempt++) {
            String digits = ctx.call().collect(new DigitRequest(List.of(Media.Prompt.of("cf-enter_number")), 1,
                    MAX_NUMBER, NUMBER_TIMEOUT, DigitRequest.DEFAULT_INTERDIGIT, "#")).digits();
            if (digits.length() >= MIN_NUMBER) {
                prompt(ctx, "vm-saved");
                return digits;
            }
        }
        return null;
    }

    private static void announce(ActionContext ctx, String number) {
        prompt(ctx, "cf-now_forwarded_to");
        ctx.call().say(new SayRequest(number, "digits", "pronounced", null), "");
    }

    private static void prompt(ActionContext ctx, String id) {
        ctx.call().play(Media.Prompt.of(id), "");
    }

    /** The {@code call_forward} object of the user or device being changed. */
    private static final class Forwarding {
        private final ActionContext ctx;
        private Document doc;

        Forwarding(ActionContext ctx, Document doc) {
            this.ctx = ctx;
            this.doc = doc;
        }

        boolean enabled() {
            return doc.body().path("call_forward").path("enabled").asBoolean(false);
        }

        String number() {
            return CallerIds.text(doc.body().path("call_forward").path("number"));
        }

        void save(boolean enabled, String number) {
            ObjectNode body = doc.body().deepCopy();
            ObjectNode forward = body.withObjectProperty("call_forward");
            forward.put("enabled", enabled);
            if (number != null) {
                forward.put("number", number);
            }
            doc = ctx.documents().save(doc.type(), doc.id(), body);
            ctx.event("saved:" + doc.type() + ":" + doc.id() + ":call_forward." + (enabled ? "enabled" : "disabled"));
        }
    }
}
