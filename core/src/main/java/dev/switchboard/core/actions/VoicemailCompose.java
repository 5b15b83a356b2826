package dev.switchboard.core.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.switchboard.core.call.CallControl;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.CallOutcome;
import dev.switchboard.core.engine.Next;

/**
 * Leaving a message (spec §6.76 "Compose"): greeting, instructions, beep, record, review, store, tell the owner.
 * During the greeting {@code *} logs in to the box and {@code 0} rings the operator.
 */
final class VoicemailCompose {
    /** KAZOO's {@code callflow.operator_key}: the number of the operator's callflow when the box names none. */
    private static final String OPERATOR_NUMBER = "0";

    private final ActionContext ctx;
    private final VoicemailBox box;
    private final VoicemailStore store;

    private VoicemailCompose(ActionContext ctx, VoicemailBox box) {
        this.ctx = ctx;
        this.box = box;
        this.store = new VoicemailStore(ctx);
    }

    static Next run(ActionContext ctx, Optional<VoicemailBox> found) {
        CallControl call = ctx.call();
        call.answer();
        if (found.isEmpty()) {
            VoicemailPrompts.tell(call, "vm-not_available_no_voicemail");
            return Next.CONTINUE;
        }
        VoicemailBox box = found.get();
        if (box.calledByOwner(ctx) && (box.checkIfOwner(ctx) || box.announcementOnly())) {
            return VoicemailCheck.run(ctx, box);
        }
        return new VoicemailCompose(ctx, box).compose();
    }

    private Next compose() {
        if (box.announcementOnly()) {
            return loginOnStar(VoicemailPrompts.speak(ctx.call(), greeting()));
        }
        int stored = store.count(box.id(), VoicemailStore.NEW) + store.count(box.id(), VoicemailStore.SAVED);
        if (box.maxMessageCount() > 0 && stored >= box.maxMessageCount()) {
            ctx.event("voicemail:full");
            new VoicemailNotices(ctx).full(box, stored);
            List<VoicemailPrompts.Part> full = new ArrayList<>(greeting());
            full.add(VoicemailPrompts.prompt("vm-mailbox_full"));
            return loginOnStar(VoicemailPrompts.speak(ctx.call(), full));
        }
        new VoicemailNotices(ctx).roomAgain(box);
        List<VoicemailPrompts.Part> greeting = new ArrayList<>(greeting());
        if (!box.skipInstructions()) {
            greeting.add(VoicemailPrompts.prompt("vm-record_message"));
        }
        Optional<String> key = VoicemailPrompts.speak(ctx.call(), greeting);
        if (key.isPresent() && key.get().equals(VoicemailKeys.LOGIN)) {
            return VoicemailCheck.run(ctx, box);
        }
        Optional<Next> operator = operator();
        if (key.isPresent() && key.get().equals(VoicemailKeys.OPERATOR) && operator.isPresent()) {
            return operator.get();
        }
        return record(operator);
    }

    private Next loginOnStar(Optional<String> key) {
        return key.isPresent() && key.get().equals(VoicemailKeys.LOGIN) ? VoicemailCheck.run(ctx, box) : Next.CONTINUE;
    }

    /** The intro, then the temporary greeting, else the recorded one, else a generic one naming the box. */
    private List<VoicemailPrompts.Part> greeting() {
        List<VoicemailPrompts.Part> parts = new ArrayList<>();
        if (box.playGreetingIntro()) {
            parts.add(VoicemailPrompts.prompt("vm-greeting_intro"));
        }
        if (box.skipGreeting()) {
            return parts;
        }
        String recorded = box.temporaryMedia().isEmpty() ? box.unavailableMedia() : box.temporaryMedia();
        if (!recorded.isEmpty()) {
            ctx.media(recorded).ifPresent(m -> parts.add(VoicemailPrompts.media(m)));
        } else if (box.usePersonNotAvailable()) {
            parts.add(VoicemailPrompts.prompt("vm-person_not_available"));
        } else {
            parts.add(VoicemailPrompts.prompt("vm-person"));
            parts.add(VoicemailPrompts.digits(box.number(ctx)));
            parts.add(VoicemailPrompts.prompt("vm-not_available"));
        }
        return parts;
    }

    private Next record(Optional<Next> operator) {
        VoicemailRecorder recorder = new VoicemailRecorder(ctx, box);
        VoicemailRecorder.Take take = recorder.record(List.of(), operator.isPresent());
        switch (take.choice()) {
            case TOO_SHORT -> {
                ctx.event("voicemail:too_short:" + take.recording().length().toMillis());
                return take.recording().hungUp() ? Next.STOP : Next.CONTINUE;
            }
            case HUNG_UP -> {
                leave(recorder, take);
                return Next.STOP;
            }
            case OPERATOR -> {
                leave(recorder, take);
                VoicemailPrompts.tell(ctx.call(), "vm-saved");
                return operator.orElseThrow();
            }
            default -> {
                leave(recorder, take);
                VoicemailPrompts.tell(ctx.call(), "vm-saved");
                VoicemailPrompts.tell(ctx.call(), "vm-thank_you");
                return Next.CONTINUE;
            }
        }
    }

    /** Stores the message, audio first, before anyone hears of it; then tells the box's people. */
    private void leave(VoicemailRecorder recorder, VoicemailRecorder.Take take) {
        recorder.keep(take, take.id());
        Document message = store.create(take.id(), box, take.recording().length().toMillis(), ctx.call().callerId());
        ctx.state().outcome(new CallOutcome("voicemail", "NORMAL_CLEARING", null));
        new VoicemailNotices(ctx).delivered(box, message);
    }

    /** The operator's callflow: the box's {@code operator_number}, else number "0"; none when neither routes. */
    private Optional<Next> operator() {
        String number = box.operatorNumber().isEmpty() ? OPERATOR_NUMBER : box.operatorNumber();
        return ctx.route(number, false).map(VoicemailAction::branch);
    }
}
