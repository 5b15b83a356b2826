package dev.switchboard.core.actions;

import java.time.Duration;
import java.util.Optional;

import dev.switchboard.core.call.CallControl;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.engine.ActionContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Getting into a box (spec §6.76 "Check" steps 1–3): ask for the box number when it is not known, let the owner
 * in without a PIN where the box allows it, else ask for the PIN, three tries a call.
 *
 * <p>Wrong PINs also count across calls, on the box document: after {@value VoicemailBox#MAX_LOGIN_ATTEMPTS} in a
 * row the box refuses PINs for {@link #LOCKOUT}, so a PIN cannot be guessed by calling again and again. The right
 * PIN, or a new one, clears the count.
 */
final class VoicemailLogin {
    static final Duration LOCKOUT = Duration.ofMinutes(30);
    static final String FAILED_LOGINS = "pvt_failed_logins";
    static final String LAST_FAILED_LOGIN = "pvt_last_failed_login";
    private static final int MAX_PIN_LENGTH = 6;

    private final ActionContext ctx;
    private final JsonNode data;

    VoicemailLogin(ActionContext ctx, JsonNode data) {
        this.ctx = ctx;
        this.data = data;
    }

    /** @return the box the caller got into; empty when they did not (the prompts saying why were played) */
    Optional<VoicemailBox> login(Optional<VoicemailBox> known) {
        CallControl call = ctx.call();
        Optional<VoicemailBox> box = known;
        int attempt = 1;
        while (attempt <= VoicemailBox.MAX_LOGIN_ATTEMPTS) {
            if (box.isEmpty()) {
                String number = VoicemailPrompts.ask(call, "vm-enter_id", VoicemailBox.MAX_BOX_NUMBER_LENGTH,
                        interdigit(known));
                box = number.isEmpty() ? Optional.empty() : VoicemailBox.byNumber(ctx, number, data);
                if (box.isEmpty()) {
                    VoicemailPrompts.tell(call, "menu-invalid_entry");
                    attempt++;
                }
                continue;
            }
            VoicemailBox b = box.get();
            if (ownerMayEnter(b)) {
                ctx.event("voicemail:owner_login");
                return box;
            }
            if (b.pin().isEmpty()) {
                VoicemailPrompts.tell(call, "vm-no_access");
                return Optional.empty();
            }
            if (locked(b)) {
                ctx.event("voicemail:locked");
                break;
            }
            String pin = VoicemailPrompts.ask(call, "vm-enter_pass", MAX_PIN_LENGTH, b.interdigit());
            if (pin.equals(b.pin())) {
                clearFailures(ctx, b);
                ctx.event("voicemail:pin_login");
                return box;
            }
            if (!pin.isEmpty()) {
                countFailure(b);
            }
            VoicemailPrompts.tell(call, "vm-fail_auth");
            box = Optional.of(b.reload(ctx));
            if (locked(box.get())) {
                ctx.event("voicemail:locked");
                break;
            }
            attempt++;
        }
        VoicemailPrompts.tell(call, "vm-abort");
        return Optional.empty();
    }

    /** The owner calling from their own phone needs no PIN unless the box requires one; nor to set the box up. */
    private boolean ownerMayEnter(VoicemailBox box) {
        return box.calledByOwner(ctx)
                && (!box.isSetup() || !box.requirePin() || (box.announcementOnly() && box.pin().isEmpty()));
    }

    private Duration interdigit(Optional<VoicemailBox> known) {
        return known.map(VoicemailBox::interdigit).orElse(Duration.ofMillis(data.path("interdigit_timeout")
                .asLong(2000)));
    }

    private boolean locked(VoicemailBox box) {
        JsonNode body = box.document().body();
        return body.path(FAILED_LOGINS).asInt(0) >= VoicemailBox.MAX_LOGIN_ATTEMPTS
                && nowGregorian() - body.path(LAST_FAILED_LOGIN).asLong(0) < LOCKOUT.toSeconds();
    }

    private void countFailure(VoicemailBox box) {
        ObjectNode body = fresh(box);
        boolean expired = nowGregorian() - body.path(LAST_FAILED_LOGIN).asLong(0) >= LOCKOUT.toSeconds();
        int failures = expired ? 0 : body.path(FAILED_LOGINS).asInt(0);
        body.put(FAILED_LOGINS, failures + 1).put(LAST_FAILED_LOGIN, nowGregorian());
        ctx.documents().save(VoicemailBox.TYPE, box.id(), body);
        ctx.event("voicemail:wrong_pin:" + (failures + 1));
    }

    /** Forgets wrong PINs: the owner got in, or chose a new PIN. */
    static void clearFailures(ActionContext ctx, VoicemailBox box) {
        ObjectNode body = ctx.documents().get(VoicemailBox.TYPE, box.id()).map(Document::body)
                .orElse(box.document().body()).deepCopy();
        if (body.has(FAILED_LOGINS) || body.has(LAST_FAILED_LOGIN)) {
            body.remove(FAILED_LOGINS);
            body.remove(LAST_FAILED_LOGIN);
            ctx.documents().save(VoicemailBox.TYPE, box.id(), body);
        }
    }

    private ObjectNode fresh(VoicemailBox box) {
        return ctx.documents().get(VoicemailBox.TYPE, box.id()).map(Document::body).orElse(box.document().body())
                .deepCopy();
    }

    private long nowGregorian() {
        return ctx.call().now().getEpochSecond() + Document.GREGORIAN_UNIX_OFFSET;
    }
}
