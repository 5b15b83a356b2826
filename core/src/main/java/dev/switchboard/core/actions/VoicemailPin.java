package dev.switchboard.core.actions;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.engine.ActionContext;

/**
 * Choosing a new PIN: entered twice, the same both times, 4 to 6 keys (the vmbox schema's rule). Three tries.
 */
final class VoicemailPin {
    private static final int TRIES = 3;
    private static final int MIN_LENGTH = 4;
    private static final int MAX_LENGTH = 6;

    private final ActionContext ctx;

    VoicemailPin(ActionContext ctx) {
        this.ctx = ctx;
    }

    /** @return true when the box has the new PIN */
    boolean change(VoicemailBox box) {
        for (int attempt = 1; attempt <= TRIES; attempt++) {
            String pin = VoicemailPrompts.ask(ctx.call(), "vm-enter_new_pin", MAX_LENGTH, box.interdigit());
            String confirm = VoicemailPrompts.ask(ctx.call(), "vm-enter_new_pin_confirm", MAX_LENGTH,
                    box.interdigit());
            if (pin.length() >= MIN_LENGTH && pin.equals(confirm)) {
                VoicemailLogin.clearFailures(ctx, box);
                Document current = ctx.documents().get(VoicemailBox.TYPE, box.id()).orElse(box.document());
                ctx.documents().save(VoicemailBox.TYPE, box.id(), current.body().deepCopy().put("pin", pin));
                ctx.event("voicemail:pin_changed");
                VoicemailPrompts.tell(ctx.call(), "vm-pin_set");
                return true;
            }
            if (attempt < TRIES) {
                VoicemailPrompts.tell(ctx.call(), "vm-pin_invalid");
            }
        }
        return false;
    }
}
