package dev.switchboard.core.actions;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.switchboard.core.call.DigitRequest;
import dev.switchboard.core.call.Digits;
import dev.switchboard.core.call.Media;
import dev.switchboard.core.call.Party;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import dev.switchboard.core.number.NumberClassifier;
import dev.switchboard.core.number.NumberNormalizer;
import dev.switchboard.core.routing.Route;
import tools.jackson.databind.JsonNode;

/**
 * {@code disa} (spec §6.22): Direct Inward System Access. Answers; asks for {@code pin} when one is set
 * ({@code retries} attempts, then the flow stops); then plays dial tone (or ringing) and collects a number
 * (up to {@code max_digits}, {@code interdigit} ms between keys), normalises it to E.164 and routes it like a call
 * from inside the account, {@code no_match} included. A number no callflow takes, or no number at all, spends one
 * of {@code retries}; once they are spent the flow continues to "_". The call goes on with the account's external
 * caller ID ({@code use_account_caller_id}, default true) or its own, kept as dialled out; with
 * {@code enforce_call_restriction}, a number of a class the account denies is refused and the call hung up.
 */
public final class DisaAction implements Action {
    /** KAZOO's {@code callflow.default_pin_length}: the PIN collection reads at least this many keys. */
    private static final int DEFAULT_PIN_LENGTH = 10;
    private static final int DEFAULT_RETRIES = 3;
    private static final int DEFAULT_INTERDIGIT_MS = 2000;
    private static final int DEFAULT_MAX_DIGITS = 15;
    private static final Media DIAL_TONE = new Media.Tone(new int[] {350, 440}, 10_000, 0, 10_000);
    private static final int RING_ON_MS = 2000;
    private static final int RING_OFF_MS = 4000;

    @Override
    public String module() {
        return "disa";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        ctx.call().answer();
        String pin = data.path("pin").asString("");
        int retries = data.path("retries").asInt(DEFAULT_RETRIES);
        int interdigitMs = data.path("interdigit").asInt(DEFAULT_INTERDIGIT_MS);
        Duration interdigit = Duration.ofMillis(interdigitMs > 0 ? interdigitMs : DEFAULT_INTERDIGIT_MS);
        if (!pin.isEmpty() && !pinAccepted(ctx, pin, retries, interdigit)) {
            ctx.event("disa:pin_retries_exceeded");
            ctx.call().play(Media.Prompt.of("disa-retries_exceeded"), "");
            return Next.STOP;
        }
        int maxDigits = Math.max(1, data.path("max_digits").asInt(DEFAULT_MAX_DIGITS));
        for (int attempt = 0; attempt < retries; attempt++) {
            Digits dialled = ctx.call().collect(new DigitRequest(preconnectAudio(data), 1, maxDigits,
                    DigitRequest.DEFAULT_FIRST_DIGIT, interdigit, "#"));
            if (dialled.isEmpty()) {
                ctx.event("disa:no_number");
                continue;
            }
            String number = NumberNormalizer.normalize(dialled.digits());
            Optional<Route> route = ctx.route(number, true);
            if (route.isEmpty()) {
                ctx.event("disa:no_callflow:" + number);
                ctx.call().play(Media.Prompt.of("disa-invalid_extension"), "");
                continue;
            }
            ctx.state().request(number);
            presentCallerId(ctx, data);
            if (restricted(ctx, data, number)) {
                ctx.event("disa:restricted:" + NumberClassifier.classify(number));
                ctx.call().play(Media.Prompt.of("cf-unauthorized_call"), "");
                return new Next.HardStop();
            }
            ctx.event("disa:dial:" + number);
            return CallflowBranch.into(ctx, route.get());
        }
        ctx.event("disa:retries_exceeded");
        return Next.CONTINUE;
    }

    private static boolean pinAccepted(ActionContext ctx, String pin, int retries, Duration interdigit) {
        for (int attempt = 0; attempt < retries; attempt++) {
            Digits entered = ctx.call().collect(new DigitRequest(List.of(Media.Prompt.of("disa-enter_pin")), 1,
                    Math.max(DEFAULT_PIN_LENGTH, pin.length()), DigitRequest.DEFAULT_FIRST_DIGIT, interdigit, "#"));
            if (entered.digits().equals(pin)) {
                return true;
            }
            ctx.event("disa:invalid_pin");
            ctx.call().play(Media.Prompt.of("disa-invalid_pin"), "");
        }
        return false;
    }

    /** Dial tone (350+440 Hz) or ringing (440+480 Hz, 2 s on 4 s off, {@code ring_repeat_count} times). */
    private static List<Media> preconnectAudio(JsonNode data) {
        return switch (data.path("preconnect_audio").asString("dialtone")) {
            case "dialtone" -> List.of(DIAL_TONE);
            case "ringing" -> List.of(new Media.Tone(new int[] {440, 480}, RING_ON_MS, RING_OFF_MS,
                    (RING_ON_MS + RING_OFF_MS) * Math.max(1, data.path("ring_repeat_count").asInt(1))));
            default -> List.of();
        };
    }

    private static void presentCallerId(ActionContext ctx, JsonNode data) {
        Party presented = ctx.call().callerId();
        if (data.path("use_account_caller_id").asBoolean(true)) {
            JsonNode external = ctx.documents().account().body().path("caller_id").path("external");
            String number = external.path("number").asString("");
            if (!number.isEmpty()) {
                presented = new Party(number, external.path("name").asString(number));
            }
        }
        ctx.call().callerId(presented);
        ctx.state().variables().put("Retain-CID", "true");
    }

    private static boolean restricted(ActionContext ctx, JsonNode data, String number) {
        return data.path("enforce_call_restriction").asBoolean(false)
                && ctx.documents().account().body().path("call_restriction").path(NumberClassifier.classify(number))
                .path("action").asString("").equals("deny");
    }
}
