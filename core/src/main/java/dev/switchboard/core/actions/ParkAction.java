package dev.switchboard.core.actions;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.switchboard.core.call.BridgeEndpoint;
import dev.switchboard.core.call.BridgeRequest;
import dev.switchboard.core.call.BridgeResult;
import dev.switchboard.core.call.CallControl;
import dev.switchboard.core.call.CallHungUp;
import dev.switchboard.core.call.HoldOutcome;
import dev.switchboard.core.call.Media;
import dev.switchboard.core.call.Party;
import dev.switchboard.core.call.SayRequest;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.CallOutcome;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code park} (spec §6.51). {@code action}: {@code park} (the default: announce the slot, then wait there),
 * {@code direct_park} (wait in the slot without announcing it), {@code retrieve} (connect to the call waiting in
 * the slot), {@code auto} (retrieve when the slot is taken, else park). The slot is {@code slot}, else the capture
 * group, else the first free one above 100.
 *
 * <p>A parked call waits on hold in its slot; after the ring-back timeout it rings the phone that parked it for the
 * callback timeout. Answered, the two talk and the flow continues to "_"; unanswered, the child named after the
 * slot takes over, or the call waits again.
 */
public final class ParkAction implements Action {
    private static final Duration DEFAULT_RINGBACK = Duration.ofMillis(120_000);
    private static final Duration DEFAULT_CALLBACK = Duration.ofMillis(30_000);
    /** A call parked by no known phone waits until it is retrieved or hangs up. */
    private static final Duration FOREVER = Duration.ofDays(1);

    @Override
    public String module() {
        return "park";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        String slot = data.path("slot").asString("");
        boolean fromCapture = false;
        if (slot.isEmpty() && ctx.state().captureGroup() != null && !ctx.state().captureGroup().isEmpty()) {
            slot = ctx.state().captureGroup();
            fromCapture = true;
        }
        ParkingSlots slots = new ParkingSlots(ctx);
        return switch (data.path("action").asString("park")) {
            case "retrieve" -> retrieve(ctx, slots, slot);
            case "auto" -> {
                String chosen = slot.isEmpty() ? slots.firstFree() : slot;
                yield slots.taken(chosen).isPresent() ? retrieve(ctx, slots, chosen)
                        : park(ctx, data, slots, chosen, fromCapture, true);
            }
            case "direct_park" -> park(ctx, data, slots, slot.isEmpty() ? slots.firstFree() : slot, fromCapture,
                    false);
            default -> park(ctx, data, slots, slot.isEmpty() ? slots.firstFree() : slot, fromCapture, true);
        };
    }

    private static Next retrieve(ActionContext ctx, ParkingSlots slots, String slot) {
        CallControl call = ctx.call();
        call.answer();
        Optional<JsonNode> parked = slot.isEmpty() ? Optional.empty() : slots.taken(slot);
        if (parked.isEmpty()) {
            call.play(Media.Prompt.of("park-no_caller"), "");
            return Next.STOP;
        }
        String parkedCall = parked.get().path(ParkingSlots.CALL_ID).asString();
        slots.free(slot, parkedCall);
        ctx.event("park:retrieved:" + slot);
        ctx.state().outcome(new CallOutcome("bridged", "NORMAL_CLEARING", null));
        if (!call.connectTo(parkedCall, "bridge")) {
            ctx.state().outcome(null);
            call.play(Media.Prompt.of("park-no_caller"), "");
        }
        return Next.STOP;
    }

    private static Next park(ActionContext ctx, JsonNode data, ParkingSlots slots, String slot, boolean fromCapture,
                             boolean announce) {
        CallControl call = ctx.call();
        JsonNode max = data.get("max_slot_number");
        if (max != null && max.isIntegralNumber() && slot.matches("[0-9]{1,9}") && Long.parseLong(slot) > max.asLong()) {
            ctx.event("park:max_slot_exceeded:" + slot);
            return Next.to("MAX_SLOT_EXCEEDED");
        }
        if (slots.taken(slot).isPresent()) {
            call.answer();
            call.play(Media.Prompt.of("park-already_in_use"), "");
            return Next.STOP;
        }
        JsonNode settings = data.path("slots").path(slot);
        String presenceId = presenceId(ctx, data, settings, slot, fromCapture);
        String presenceType = settings.path("presence_type")
                .asString(data.path("default_presence_type").asString("early"));
        String parker = ctx.call().info().deviceId();
        Optional<Media> music = holdMedia(ctx, parker);
        Party caller = call.callerId();
        ObjectNode fields = Json.object()
                .put(ParkingSlots.CALL_ID, call.info().callId())
                .put("Parker-Call-ID", call.info().callId())
                .put("Attended", false)
                .put(ParkingSlots.PRESENCE_ID, presenceId)
                .put("Presence-Type", presenceType)
                .put("CID-Number", caller.number())
                .put("CID-Name", caller.name());
        if (parker != null) {
            fields.put("Ringback-ID", parker);
        }
        slots.occupy(slot, fields);
        ctx.services().presence().update(presenceId, presenceType);
        ctx.event("park:parked:" + slot);
        try {
            call.answer();
            if (announce) {
                call.play(Media.Prompt.of("park-call_placed_in_spot"), "");
                call.say(new SayRequest(slot, "digits", "iterated", null), "");
            }
            return waitForPickup(ctx, data, settings, slots, slot, parker, music.orElse(null));
        } catch (CallHungUp e) {
            slots.free(slot, call.info().callId());
            ctx.event("park:abandoned:" + slot);
            throw e;
        }
    }

    private static Next waitForPickup(ActionContext ctx, JsonNode data, JsonNode settings, ParkingSlots slots,
                                      String slot, String parker, Media music) {
        CallControl call = ctx.call();
        String own = call.info().callId();
        Duration ringback = parker == null ? FOREVER
                : millis(settings.path("ringback_timeout"), data.path("default_ringback_timeout"), DEFAULT_RINGBACK);
        while (true) {
            HoldOutcome waited = call.hold(music, ringback);
            if (waited == HoldOutcome.TAKEN) {
                slots.free(slot, own);
                ctx.event("park:retrieved:" + slot);
                return new Next.Handover("parked");
            }
            if (waited == HoldOutcome.HUNG_UP) {
                slots.free(slot, own);
                ctx.event("park:abandoned:" + slot);
                return Next.STOP;
            }
            BridgeResult back = ringBack(ctx, data, settings, slot, parker);
            if (back.answered()) {
                slots.free(slot, own);
                ctx.event("park:retrieved:" + slot);
                ctx.state().outcome(new CallOutcome("bridged", "NORMAL_CLEARING",
                        back.answeredBy() == null ? null : back.answeredBy().id()));
                return Next.CONTINUE;
            }
            if (ctx.hasChild(slot)) {
                slots.free(slot, own);
                ctx.event("park:abandoned:" + slot);
                return Next.to(slot);
            }
        }
    }

    /** Rings the phone that parked the call, showing which slot calls: "Parking slot 101 - Ann Lee". */
    private static BridgeResult ringBack(ActionContext ctx, JsonNode data, JsonNode settings, String slot,
                                         String parker) {
        Duration callback = callbackTimeout(settings.path("callback_timeout"), data.path("default_callback_timeout"));
        int seconds = (int) Math.max(1, callback.toSeconds());
        Optional<Document> device = ctx.documents().get("device", parker);
        String owner = device.map(d -> d.body().path("owner_id").asString(null)).orElse(null);
        String target = device.map(d -> d.body().path("sip").path("username").asString(parker)).orElse(parker);
        Party caller = ctx.call().callerId();
        String name = "Parking slot " + slot + " - " + caller.name();
        ctx.event("park:ringback:" + parker + ":" + seconds + "s:" + name);
        BridgeEndpoint endpoint = new BridgeEndpoint("device", parker, owner, null, target, 0, seconds, Map.of());
        return ctx.call().bridge(new BridgeRequest(List.of(endpoint), "simultaneous", seconds, null, false,
                new Party(caller.number(), name), false));
    }

    /**
     * The slot's, else the node's callback timeout, in ms as KAZOO's code reads it; a value under a second is
     * taken as seconds, which is what KAZOO's schema text says and what a ring that short could never mean.
     */
    private static Duration callbackTimeout(JsonNode slot, JsonNode node) {
        Duration value = millis(slot, node, DEFAULT_CALLBACK);
        return value.toMillis() < 1000 ? Duration.ofSeconds(value.toMillis()) : value;
    }

    private static Duration millis(JsonNode first, JsonNode second, Duration otherwise) {
        for (JsonNode n : List.of(first, second)) {
            if (n.isIntegralNumber() && n.asLong() > 0) {
                return Duration.ofMillis(n.asLong());
            }
        }
        return otherwise;
    }

    /**
     * With {@code custom_presence_id}: the slot's, else the node's {@code presence_id}, else the number dialled.
     * Otherwise the number dialled, with the slot appended unless it came from the number (the capture group).
     */
    private static String presenceId(ActionContext ctx, JsonNode data, JsonNode settings, String slot,
                                     boolean fromCapture) {
        String dialled = ctx.call().info().dialled();
        String user;
        if (data.path("custom_presence_id").asBoolean(false)) {
            user = settings.path("presence_id").asString(data.path("presence_id").asString(dialled));
        } else {
            user = fromCapture ? dialled : dialled + slot;
        }
        String realm = ctx.documents().account().body().path("realm").asString("");
        return realm.isEmpty() || user.contains("@") ? user : user + "@" + realm;
    }

    /** The parking phone's music on hold, else its owner's, else the account's. */
    private static Optional<Media> holdMedia(ActionContext ctx, String device) {
        Optional<Document> phone = ctx.documents().get("device", device);
        Optional<Document> owner = phone.flatMap(d -> ctx.documents().get("user",
                d.body().path("owner_id").asString(null)));
        for (Optional<Document> source : List.of(phone, owner, Optional.of(ctx.documents().account()))) {
            String media = source.map(d -> d.body().path("music_on_hold").path("media_id").asString(""))
                    .orElse("");
            if (!media.isEmpty()) {
                return ctx.media(media);
            }
        }
        return Optional.empty();
    }
}
