package dev.switchboard.core.actions;

import java.time.Duration;
import java.util.List;

import dev.switchboard.core.call.CallControl;
import dev.switchboard.core.call.CallHungUp;
import dev.switchboard.core.call.RecordRequest;
import dev.switchboard.core.call.Recording;
import dev.switchboard.core.engine.ActionContext;

/**
 * Records a message, a greeting or a name, then lets the caller review it (spec §6.76 step 6): {@code 1} keeps
 * it, {@code 2} plays it back, {@code 3} records it again, {@code 0} asks for the operator where that is offered.
 * Four unanswered reviews end without a choice. A caller who hangs up still leaves a take behind.
 */
final class VoicemailRecorder {
    /** How a take ended. */
    enum Choice {
        SAVE, NO_CHOICE, OPERATOR, HUNG_UP, TOO_SHORT
    }

    /** A recording and what the caller chose; its audio is attached to {@code id} once kept or played back. */
    record Take(String id, Recording recording, Choice choice) {
    }

    private static final int REVIEWS = 4;
    /** A caller who put the phone down without hanging up is not recorded for minutes. */
    private static final Duration SILENCE = Duration.ofSeconds(10);

    private final ActionContext ctx;
    private final VoicemailBox box;
    private final VoicemailStore store;

    VoicemailRecorder(ActionContext ctx, VoicemailBox box) {
        this.ctx = ctx;
        this.box = box;
        this.store = new VoicemailStore(ctx);
    }

    /**
     * @param intro             said before each beep (the greeting prompts), keys not interrupting it
     * @param operatorAvailable {@code 0} during the review asks for the operator
     */
    Take record(List<VoicemailPrompts.Part> intro, boolean operatorAvailable) {
        CallControl call = ctx.call();
        String id = VoicemailStore.newId();
        while (true) {
            for (VoicemailPrompts.Part part : intro) {
                switch (part) {
                    case VoicemailPrompts.Play p -> call.play(p.media(), "");
                    case VoicemailPrompts.Say s -> call.say(s.request(), "");
                }
            }
            Recording recording = call.record(new RecordRequest(box.maxMessageLength(), SILENCE, true,
                    VoicemailPrompts.ANY_KEY, box.mediaExtension()));
            if (recording.length().compareTo(VoicemailBox.MIN_MESSAGE_LENGTH) < 0) {
                return new Take(id, recording, Choice.TOO_SHORT);
            }
            if (recording.hungUp()) {
                return new Take(id, recording, Choice.HUNG_UP);
            }
            Choice choice = review(id, recording, operatorAvailable);
            if (choice != null) {
                return new Take(id, recording, choice);
            }
        }
    }

    /** Attaches the take's audio to {@code docId}, ready for the document that will name it. */
    void keep(Take take, String docId) {
        store.attachAudio(docId, take.recording().contentType(), take.recording().audio());
    }

    /** @return the caller's choice, or null to record again */
    private Choice review(String id, Recording recording, boolean operatorAvailable) {
        try {
            int unanswered = 0;
            while (unanswered < REVIEWS) {
                String key = VoicemailPrompts.choose(ctx.call(), List.of(VoicemailPrompts.prompt("vm-review_recording")),
                        box.interdigit());
                switch (key) {
                    case VoicemailKeys.REVIEW_SAVE -> {
                        return Choice.SAVE;
                    }
                    case VoicemailKeys.REVIEW_RECORD -> {
                        return null;
                    }
                    case VoicemailKeys.REVIEW_LISTEN -> {
                        store.attachAudio(id, recording.contentType(), recording.audio());
                        ctx.call().play(store.audio(id), "");
                    }
                    case VoicemailKeys.OPERATOR -> {
                        if (operatorAvailable) {
                            return Choice.OPERATOR;
                        }
                        unanswered++;
                    }
                    default -> unanswered++;
                }
            }
            return Choice.NO_CHOICE;
        } catch (CallHungUp e) {
            return Choice.HUNG_UP;
        }
    }
}
