package dev.switchboard.core.actions;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.ActiveCalls;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The account's parking slots (spec §6.51, §7.14): document {@code parking-slot-<N>} of type {@code parked_call},
 * whose {@code slot} object (KAZOO's keys: {@code Call-ID}, {@code Ringback-ID}, {@code Presence-ID}, ...) says
 * which call waits there. A slot is taken while that call is still live; freeing it removes the object and keeps
 * the document.
 */
final class ParkingSlots {
    static final String TYPE = "parked_call";
    static final String CALL_ID = "Call-ID";
    static final String PRESENCE_ID = "Presence-ID";
    /** Auto-chosen slots start above this, as in KAZOO. */
    private static final int AUTO_BASE = 100;

    private final ActionContext ctx;

    ParkingSlots(ActionContext ctx) {
        this.ctx = ctx;
    }

    static String docId(String slot) {
        return "parking-slot-" + slot;
    }

    /** The slot's object when a live call waits in it. */
    Optional<JsonNode> taken(String slot) {
        Set<String> live = liveCallIds();
        return ctx.documents().get(TYPE, docId(slot)).map(d -> d.body().path("slot"))
                .filter(s -> live.contains(s.path(CALL_ID).asString("")));
    }

    /** The lowest free slot above 100 (slots below 100 taken by hand do not move it, unlike KAZOO). */
    String firstFree() {
        Set<String> live = liveCallIds();
        Set<Integer> taken = ctx.documents().ofType(TYPE).stream()
                .filter(d -> live.contains(d.body().path("slot").path(CALL_ID).asString("")))
                .map(d -> d.body().path("slot_number").asString(""))
                .filter(n -> n.matches("[0-9]{1,9}"))
                .map(Integer::parseInt)
                .collect(Collectors.toCollection(TreeSet::new));
        int slot = AUTO_BASE + 1;
        while (taken.contains(slot)) {
            slot++;
        }
        return Integer.toString(slot);
    }

    void occupy(String slot, ObjectNode fields) {
        ObjectNode body = Json.object().put("slot_number", slot);
        body.set("slot", fields);
        ctx.documents().save(TYPE, docId(slot), body);
    }

    /** Empties the slot if {@code callId} still waits there: a newer parking in the same slot stays. */
    void free(String slot, String callId) {
        Optional<Document> doc = ctx.documents().get(TYPE, docId(slot));
        if (doc.isPresent() && doc.get().body().path("slot").path(CALL_ID).asString("").equals(callId)) {
            String presence = doc.get().body().path("slot").path(PRESENCE_ID).asString("");
            ctx.documents().save(TYPE, docId(slot), Json.object().put("slot_number", slot));
            if (!presence.isEmpty()) {
                ctx.services().presence().update(presence, "terminated");
            }
        }
    }

    private Set<String> liveCallIds() {
        return ctx.services().activeCalls().calls(ctx.accountId()).stream().map(ActiveCalls.LiveCall::callId)
                .collect(Collectors.toSet());
    }
}
