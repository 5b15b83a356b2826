package dev.switchboard.core.actions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;

/**
 * Playing a folder's messages (spec §6.76 "Check" step 6): number, message, when it was left (in the box's time
 * zone), then the message menu — {@code 1} keep, {@code 2} replay, {@code 3} forward, {@code 4} previous,
 * {@code 6} next, {@code 7} delete, {@code 9} call the caller back, {@code 0} back to the main menu. Three
 * unanswered menus in a row go back to the main menu, leaving the message where it was.
 */
final class VoicemailMessages {
    private static final int TRIES = 3;

    private final ActionContext ctx;
    private final VoicemailBox box;
    private final VoicemailStore store;

    VoicemailMessages(ActionContext ctx, VoicemailBox box) {
        this.ctx = ctx;
        this.box = box;
        this.store = new VoicemailStore(ctx);
    }

    /**
     * @param newestFirst the folder's messages, newest first
     * @return where the flow goes when the caller calls someone back; empty to go back to the main menu
     */
    Optional<Next> play(List<Document> newestFirst) {
        List<Document> messages = new ArrayList<>(newestFirst);
        if (box.oldestMessageFirst()) {
            messages = messages.reversed();
        }
        Set<Integer> deleted = new HashSet<>();
        int at = 0;
        boolean whole = true;
        int unanswered = 0;
        while (at < messages.size()) {
            Document message = messages.get(at);
            List<VoicemailPrompts.Part> parts = whole ? announce(message, at + 1)
                    : List.of(VoicemailPrompts.prompt("vm-message_menu"));
            String key = VoicemailPrompts.choose(ctx.call(), parts, box.interdigit());
            whole = true;
            switch (key) {
                case VoicemailKeys.KEEP -> {
                    messages.set(at, file(message, VoicemailStore.SAVED, "vm-saved"));
                    at = following(at, messages.size(), deleted);
                }
                case VoicemailKeys.REPLAY -> {
                }
                case VoicemailKeys.FORWARD -> {
                    new VoicemailForward(ctx, box).forward(message);
                    messages.set(at, file(message, VoicemailStore.SAVED, "vm-saved"));
                    at = following(at, messages.size(), deleted);
                }
                case VoicemailKeys.PREVIOUS -> at = previous(at, deleted);
                case VoicemailKeys.NEXT -> at = next(at, messages.size(), deleted);
                case VoicemailKeys.DELETE -> {
                    file(message, VoicemailStore.DELETED, "vm-deleted");
                    deleted.add(at);
                    at = following(at, messages.size(), deleted);
                }
                case VoicemailKeys.RETURN_MAIN -> {
                    file(message, VoicemailStore.SAVED, "vm-saved");
                    return Optional.empty();
                }
                case VoicemailKeys.CALLBACK -> {
                    Optional<Next> callback = new VoicemailCallback(ctx).call(message);
                    if (callback.isPresent()) {
                        file(message, VoicemailStore.SAVED, null);
                        return callback;
                    }
                    whole = false;
                }
                default -> {
                    VoicemailPrompts.tell(ctx.call(), "menu-invalid_entry");
                    whole = false;
                    if (++unanswered >= TRIES) {
                        return Optional.empty();
                    }
                    continue;
                }
            }
            unanswered = 0;
        }
        return Optional.empty();
    }

    private List<VoicemailPrompts.Part> announce(Document message, int number) {
        List<VoicemailPrompts.Part> parts = new ArrayList<>(List.of(
                VoicemailPrompts.prompt("vm-message_number"),
                VoicemailPrompts.number(number),
                VoicemailPrompts.media(store.audio(message.id()))));
        if (!box.skipEnvelope()) {
            parts.add(VoicemailPrompts.prompt("vm-received"));
            parts.add(VoicemailPrompts.dateTime(message.body().path("timestamp").asLong(0), box.timezone(ctx)));
        }
        parts.add(VoicemailPrompts.prompt("vm-message_menu"));
        return parts;
    }

    /** Moves the message to a folder, then says so; returns the message as it now is. */
    private Document file(Document message, String folder, String confirmation) {
        Document filed = message;
        if (!VoicemailStore.folder(message).equals(folder)) {
            filed = store.move(message, folder);
            store.publishWaiting(box.id());
        }
        if (confirmation != null) {
            VoicemailPrompts.tell(ctx.call(), confirmation);
        }
        return filed;
    }

    /** After keeping or deleting: the next message not deleted, else past the end (the folder is done). */
    private static int following(int at, int size, Set<Integer> deleted) {
        int i = at + 1;
        while (i < size && deleted.contains(i)) {
            i++;
        }
        return i;
    }

    /** "Next" on the last message plays it again, as KAZOO does. */
    private static int next(int at, int size, Set<Integer> deleted) {
        int i = following(at, size, deleted);
        return i < size ? i : at;
    }

    private static int previous(int at, Set<Integer> deleted) {
        for (int i = at - 1; i >= 0; i--) {
            if (!deleted.contains(i)) {
                return i;
            }
        }
        return at;
    }
}
