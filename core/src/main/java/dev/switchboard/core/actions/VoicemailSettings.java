package dev.switchboard.core.actions;

import java.util.List;

import dev.switchboard.core.engine.ActionContext;

/**
 * The settings menu (spec §6.76 "Check" step 7): {@code 1} record the greeting, {@code 2} record the name,
 * {@code 3} change the PIN, {@code 4} record a temporary greeting, {@code 5} delete it, {@code 6} turn
 * announcement-only on or off, {@code 0} back to the main menu. Three unanswered menus go back too.
 */
final class VoicemailSettings {
    private static final int TRIES = 3;

    private final ActionContext ctx;

    VoicemailSettings(ActionContext ctx) {
        this.ctx = ctx;
    }

    void run(VoicemailBox start) {
        VoicemailGreetings greetings = new VoicemailGreetings(ctx);
        int unanswered = 0;
        while (unanswered < TRIES) {
            VoicemailBox box = start.reload(ctx);
            String menu = box.announcementOnly() ? "vm-settings_menu_announcement_on" : "vm-settings_menu";
            String key = VoicemailPrompts.choose(ctx.call(), List.of(VoicemailPrompts.prompt(menu)), box.interdigit());
            switch (key) {
                case VoicemailKeys.RECORD_UNAVAILABLE -> greetings.record(box, VoicemailGreetings.Kind.UNAVAILABLE);
                case VoicemailKeys.RECORD_NAME -> greetings.record(box, VoicemailGreetings.Kind.NAME);
                case VoicemailKeys.SET_PIN -> new VoicemailPin(ctx).change(box);
                case VoicemailKeys.RECORD_TEMPORARY -> greetings.record(box, VoicemailGreetings.Kind.TEMPORARY);
                case VoicemailKeys.DELETE_TEMPORARY -> greetings.deleteTemporary(box);
                case VoicemailKeys.TOGGLE_ANNOUNCEMENT -> toggleAnnouncementOnly(box);
                case VoicemailKeys.RETURN_MAIN -> {
                    return;
                }
                default -> {
                    unanswered++;
                    continue;
                }
            }
            unanswered = 0;
        }
    }

    private void toggleAnnouncementOnly(VoicemailBox box) {
        boolean on = !box.announcementOnly();
        ctx.documents().save(VoicemailBox.TYPE, box.id(),
                box.document().body().deepCopy().put("announcement_only", on));
        ctx.event("voicemail:announcement_only:" + on);
        VoicemailPrompts.tell(ctx.call(), "vm-saved");
    }
}
