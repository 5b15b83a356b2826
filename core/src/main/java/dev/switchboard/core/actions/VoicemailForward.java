package dev.switchboard.core.actions;

import java.util.Optional;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.engine.ActionContext;

/**
 * Forwarding a message to another box of the account: the caller enters the box number (three tries, not the
 * box it came from); the other box gets a copy as a new message, with its lamp and e-mail.
 */
final class VoicemailForward {
    private final ActionContext ctx;
    private final VoicemailBox from;

    VoicemailForward(ActionContext ctx, VoicemailBox from) {
        this.ctx = ctx;
        this.from = from;
    }

    /** @return true when the message was forwarded */
    boolean forward(Document message) {
        for (int attempt = 1; attempt <= VoicemailBox.MAX_LOGIN_ATTEMPTS; attempt++) {
            String number = VoicemailPrompts.ask(ctx.call(), "vm-enter_forward_id", VoicemailBox.MAX_BOX_NUMBER_LENGTH,
                    from.interdigit());
            Optional<VoicemailBox> to = number.isEmpty() ? Optional.empty()
                    : VoicemailBox.byNumber(ctx, number, from.data()).filter(b -> !b.id().equals(from.id()));
            if (to.isEmpty()) {
                VoicemailPrompts.tell(ctx.call(), "menu-invalid_entry");
                continue;
            }
            Document copy = new VoicemailStore(ctx).copy(message, to.get());
            new VoicemailNotices(ctx).delivered(to.get(), copy);
            return true;
        }
        VoicemailPrompts.tell(ctx.call(), "vm-forward_abort");
        return false;
    }
}
