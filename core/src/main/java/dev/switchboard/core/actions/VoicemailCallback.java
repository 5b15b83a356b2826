package dev.switchboard.core.actions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import dev.switchboard.core.number.NumberNormalizer;

/**
 * Calling back whoever left a message (message menu key {@code 9}): the caller-ID number, normalised, routed like
 * a dialled number — unless the calling device's or its owner's {@code call_restriction} denies that class of
 * number, as it would if they dialled it.
 */
final class VoicemailCallback {
    /** KAZOO's default number classes (spec §5.6), tested in this order. */
    private static final Map<String, Pattern> CLASSES = new LinkedHashMap<>();

    static {
        CLASSES.put("tollfree_us", Pattern.compile("^\\+1((?:800|888|877|866|855|844|833|822)\\d{7})$"));
        CLASSES.put("toll_us", Pattern.compile("^\\+1(900\\d{7})$"));
        CLASSES.put("emergency", Pattern.compile("^(911|922|933|833|811|711|999)$"));
        CLASSES.put("caribbean", Pattern.compile("^\\+?1((?:684|264|268|242|246|441|284|345|767|809|829|849|473"
                + "|671|876|664|670|787|939|869|758|721|784|868|649|340)\\d{7})$"));
        CLASSES.put("did_us", Pattern.compile("^(\\+?1)?([2-9][0-9]{2}[2-9][0-9]{6})$"));
        CLASSES.put("international", Pattern.compile("^\\+([2-9]\\d{7,})$"));
        CLASSES.put("unknown", Pattern.compile("^(.*)$"));
    }

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
        if (denied(classify(number))) {
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

    private static String classify(String number) {
        return CLASSES.entrySet().stream().filter(c -> c.getValue().matcher(number).matches()).findFirst()
                .map(Map.Entry::getKey).orElse("unknown");
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
