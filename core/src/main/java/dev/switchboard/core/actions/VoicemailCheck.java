package dev.switchboard.core.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;

/**
 * Listening to a box (spec §6.76 "Check"): log in, set the box up on first use, then the main menu — {@code 1} new
 * messages, {@code 2} saved ones, {@code 5} settings, {@code #} done. Four unanswered menus say goodbye.
 */
final class VoicemailCheck {
    private static final int MAIN_MENU_TRIES = 4;

    private final ActionContext ctx;
    private final VoicemailStore store;
    private VoicemailBox box;

    private VoicemailCheck(ActionContext ctx, VoicemailBox box) {
        this.ctx = ctx;
        this.store = new VoicemailStore(ctx);
        this.box = box;
    }

    /** Check a box already known (the caller pressed {@code *} while leaving a message, or owns the box). */
    static Next run(ActionContext ctx, VoicemailBox box) {
        return run(ctx, box.data(), Optional.of(box));
    }

    static Next run(ActionContext ctx, JsonNode data, Optional<VoicemailBox> known) {
        ctx.call().answer();
        Optional<VoicemailBox> box = new VoicemailLogin(ctx, data).login(known);
        if (box.isEmpty()) {
            return Next.CONTINUE;
        }
        VoicemailCheck check = new VoicemailCheck(ctx, box.get());
        if (!box.get().isSetup() && !new VoicemailSetup(ctx).run(box.get())) {
            VoicemailPrompts.tell(ctx.call(), "vm-goodbye");
            ctx.call().hangup("NORMAL_CLEARING");
            return Next.STOP;
        }
        Next next = check.mainMenu();
        check.store.publishWaiting(check.box.id());
        return next;
    }

    private Next mainMenu() {
        int unanswered = 0;
        while (unanswered < MAIN_MENU_TRIES) {
            box = box.reload(ctx);
            List<VoicemailPrompts.Part> menu = counts(store.count(box.id(), VoicemailStore.NEW),
                    store.count(box.id(), VoicemailStore.SAVED));
            menu.add(VoicemailPrompts.prompt(box.notConfigurable() ? "vm-main_menu_not_configurable" : "vm-main_menu"));
            String key = VoicemailPrompts.choose(ctx.call(), menu, box.interdigit());
            Optional<Next> leave = Optional.empty();
            switch (key) {
                case VoicemailKeys.HEAR_NEW -> leave = listen(VoicemailStore.NEW);
                case VoicemailKeys.HEAR_SAVED -> leave = listen(VoicemailStore.SAVED);
                case VoicemailKeys.EXIT -> {
                    return Next.CONTINUE;
                }
                case VoicemailKeys.CONFIGURE -> {
                    if (box.notConfigurable()) {
                        unanswered++;
                        continue;
                    }
                    new VoicemailSettings(ctx).run(box);
                }
                default -> {
                    unanswered++;
                    continue;
                }
            }
            if (leave.isPresent()) {
                return leave.get();
            }
            unanswered = 0;
        }
        VoicemailPrompts.tell(ctx.call(), "vm-goodbye");
        return Next.CONTINUE;
    }

    private Optional<Next> listen(String folder) {
        return new VoicemailMessages(ctx, box).play(store.messages(box.id(), folder));
    }

    /** "You have 2 new and 1 saved messages", singular and plural as KAZOO words them. */
    static List<VoicemailPrompts.Part> counts(int fresh, int saved) {
        List<VoicemailPrompts.Part> parts = new ArrayList<>();
        if (fresh == 0 && saved == 0) {
            parts.add(VoicemailPrompts.prompt("vm-no_messages"));
            return parts;
        }
        parts.add(VoicemailPrompts.prompt("vm-you_have"));
        if (fresh > 0) {
            parts.add(VoicemailPrompts.number(fresh));
            parts.add(VoicemailPrompts.prompt(saved > 0 ? "vm-new_and" : fresh == 1 ? "vm-new_message"
                    : "vm-new_messages"));
        }
        if (saved > 0) {
            parts.add(VoicemailPrompts.number(saved));
            parts.add(VoicemailPrompts.prompt(saved == 1 ? "vm-saved_message" : "vm-saved_messages"));
        }
        return parts;
    }
}
