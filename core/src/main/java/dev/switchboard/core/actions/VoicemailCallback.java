package dev.switchboard.core.actions;

import java.util.LinkedHashMap;
import java.util.Optional;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import dev.switchboard.core.number.NumberClassifier;
import dev.switchboard.core.number.NumberNormalizer;

/**
 * Calling back whoever left a message (message menu key {@code 9}): the caller-ID number, normalised, routed like
 * a dialled number — unless the calling device's or its owner's {@code call_restriction} denies that class of
 * number, as it would if they dialled it.
 */
final class VoicemailCallback {
    private final ActionContext ctx;

    VoicemailCallback(ActionContext ctx) {
        this.ctx = ctx;
    }

    /** @return the branch to the callflow that reaches the caller; empty when they cannot be called back */
    Optional<Next> call(Document message) {
        String number = NumberNormalizer.normalize(message.body().path("caller_id_number").asString(""));
        if (number == null || number.isEmpty()) {
            VoicemailPrompts.tell(ctx.call(), "menu-invalid_entry");
            return Optional.empty();
        }
        if (denied(NumberClassifier.classify(number))) {
            ctx.event("voicemail:callback_denied:" + number);
            VoicemailPrompts.tell(ctx.call(), "cf-unauthorized_call");
            return Optional.empty();
        }
        Optional<Next> branch = ctx.route(number, !ctx.call().info().fromCarrier()).map(VoicemailAction::branch);
        if (branch.isEmpty()) {
            VoicemailPrompts.tell(ctx.call(), "fault-can_not_be_completed_as_dialed");
            return Optional.empty();
        }
        ctx.event("voicemail:callback:" + number);
        return branch;
    }

    private boolean denied(String numberClass) {
        var info = ctx.call().info();
        for (String id : new String[] {info.deviceId(), info.ownerId()}) {
            boolean deny = ctx.documents().get(id).map(d -> d.body().path("call_restriction").path(numberClass)
                    .path("action").asString("")).orElse("").equals("deny");
            if (deny) {
                return true;
            }
        }
        return false;
    }
}
