package dev.switchboard.core.actions;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.engine.ActionContext;

/**
 * The first-use wizard of a box that is not set up yet (spec §6.76 "Check" step 4): choose a PIN, record the
 * greeting, and the box is set up.
 */
final class VoicemailSetup {
    private final ActionContext ctx;

    VoicemailSetup(ActionContext ctx) {
        this.ctx = ctx;
    }

    /**
     * A greeting the caller did not keep does not stop the box from being set up: it then uses the generic one.
     *
     * @return false when no valid PIN was chosen in three tries
     */
    boolean run(VoicemailBox box) {
        VoicemailPrompts.tell(ctx.call(), "vm-setup_intro");
        if (!new VoicemailPin(ctx).change(box)) {
            return false;
        }
        VoicemailPrompts.tell(ctx.call(), "vm-setup_rec_greeting");
        new VoicemailGreetings(ctx).record(box.reload(ctx), VoicemailGreetings.Kind.UNAVAILABLE);
        Document current = ctx.documents().get(VoicemailBox.TYPE, box.id()).orElse(box.document());
        ctx.documents().save(VoicemailBox.TYPE, box.id(), current.body().deepCopy().put("is_setup", true));
        ctx.event("voicemail:setup_complete");
        VoicemailPrompts.tell(ctx.call(), "vm-setup_complete");
        return true;
    }
}
