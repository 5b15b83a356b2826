package dev.switchboard.core.actions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import dev.switchboard.core.call.BridgeEndpoint;
import dev.switchboard.core.call.CallInfo;
import dev.switchboard.core.call.Party;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.ActionContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The endpoint builder (spec §5.4): what "ring a device, a user" means for every bridging action.
 *
 * <p>A device gives no leg when it is refused: {@code owner_called_self} (the caller's user owns it) and
 * {@code endpoint_called_self} (it is the calling device) unless the action says {@code can_call_self};
 * {@code endpoint_disabled} (the device or its user has {@code enabled: false}); {@code do_not_disturb} (on the
 * device, its user or the account); {@code exclude_from_queues} (a queue call). Each refusal is written to the
 * trace as {@code endpoint:<device id>:<reason>}.
 *
 * <p>Otherwise it gives a leg of kind "device" (target = {@code sip.username}; registration is the telephony
 * layer's concern) and, when call forwarding applies, a leg of kind "number" to the forward number: instead of
 * the device with {@code substitute}, beside it without. {@code direct_calls_only} forwards ignore ring_group
 * calls; {@code failover} attaches the forward leg to the device leg, dialled only when the device is unreachable.
 * The call_forward settings are the device's when it has them enabled, else the account's, device's and user's
 * merged (the user's on top); missing flags take the schema's defaults (substitute, require_keypress,
 * keep_caller_id and ignore_early_media true; direct_calls_only and failover false).
 *
 * <p>A device belongs to the users hot-desked on it, else to its {@code owner_id}: while someone is hot-desked
 * on a device it stops ringing for its regular owner.
 *
 * <p>One builder serves one bridge: it remembers the forward numbers it already gave (two devices of a user
 * forwarded to the same number ring it once) and whether any leg wants early media ignored.
 */
final class Endpoints {
    /** Modules whose calls are not "direct" for {@code direct_calls_only} (KAZOO: cf_ring_group, acdc). */
    private static final Set<String> NON_DIRECT_SOURCES = Set.of("ring_group", "acdc");

    private final ActionContext ctx;
    private final Set<String> forwardNumbers = new HashSet<>();
    private boolean ignoreEarlyMedia;

    Endpoints(ActionContext ctx) {
        this.ctx = ctx;
    }

    /** True when a leg built so far asked not to pass early media (a forward leg, a device's media setting). */
    boolean ignoreEarlyMedia() {
        return ignoreEarlyMedia;
    }

    /** The legs of a user: those of every device that rings for the user (spec §5.4, hot-desking honoured). */
    List<BridgeEndpoint> user(String userId, EndpointOptions options) {
        if (ctx.documents().get("user", userId).isEmpty()) {
            ctx.event("endpoint:" + userId + ":not_found");
            return List.of();
        }
        List<BridgeEndpoint> legs = new ArrayList<>();
        for (Document device : devicesOf(ctx, userId)) {
            legs.addAll(device(device, options));
        }
        return legs;
    }

    List<BridgeEndpoint> device(String deviceId, EndpointOptions options) {
        Optional<Document> device = ctx.documents().get("device", deviceId);
        if (device.isEmpty()) {
            ctx.event("endpoint:" + deviceId + ":not_found");
            return List.of();
        }
        return device(device.get(), options);
    }

    /** The legs for one device: itself, its forward number, or both; none when it is refused. */
    List<BridgeEndpoint> device(Document device, EndpointOptions options) {
        Optional<Document> owner = ownerOf(ctx, device);
        String ownerId = ownerId(device.body());
        String refusal = refusal(device, owner.orElse(null), ownerId, options);
        if (refusal != null) {
            ctx.event("endpoint:" + device.id() + ":" + refusal);
            return List.of();
        }
        ObjectNode forward = callForward(device.body(), owner.map(Document::body).orElse(null));
        String number = forward.path("number").asString("").trim();
        boolean forwarding = !options.page() && forward.path("enabled").asBoolean(false) && !number.isEmpty()
                && (!forward.path("direct_calls_only").asBoolean(false)
                    || !NON_DIRECT_SOURCES.contains(options.source()));
        boolean substitute = forwarding && forward.path("substitute").asBoolean(true);
        List<BridgeEndpoint> legs = new ArrayList<>();
        if (!substitute) {
            BridgeEndpoint failover = !options.page() && forward.path("failover").asBoolean(false) && !number.isEmpty()
                    ? forwardLeg(device, owner.orElse(null), ownerId, forward, number, options) : null;
            legs.add(deviceLeg(device, owner.orElse(null), ownerId, options, failover));
        }
        if (forwarding && forwardNumbers.add(number)) {
            legs.add(forwardLeg(device, owner.orElse(null), ownerId, forward, number, options));
            ignoreEarlyMedia |= forward.path("require_keypress").asBoolean(true) || !substitute
                    || forward.path("ignore_early_media").asBoolean(true);
        }
        return legs;
    }

    private String refusal(Document device, Document owner, String ownerId, EndpointOptions options) {
        CallInfo call = ctx.call().info();
        if (!options.canCallSelf() && call.ownerId() != null && call.ownerId().equals(ownerId)) {
            return "owner_called_self";
        }
        if (!options.canCallSelf() && device.id().equals(call.deviceId())) {
            return "endpoint_called_self";
        }
        if (!device.body().path("enabled").asBoolean(true) || owner != null && !owner.body().path("enabled").asBoolean(true)) {
            return "endpoint_disabled";
        }
        if (dnd(device.body()) || owner != null && dnd(owner.body()) || dnd(ctx.documents().account().body())) {
            return "do_not_disturb";
        }
        if (ctx.state().variables().containsKey("Queue-ID") && device.body().path("exclude_from_queues").asBoolean(false)) {
            return "exclude_from_queues";
        }
        return null;
    }

    private static boolean dnd(ObjectNode body) {
        return body.path("do_not_disturb").path("enabled").asBoolean(false);
    }

    private BridgeEndpoint deviceLeg(Document device, Document owner, String ownerId, EndpointOptions options,
                                     BridgeEndpoint failover) {
        ObjectNode body = device.body();
        boolean page = options.page() || CallerIds.isTrue(ctx.state().variables().get("Auto-Answer"));
        String target = options.staticInvite() != null ? options.staticInvite()
                : CallerIds.firstNonBlank(CallerIds.text(body.path("sip").path("static_invite")),
                CallerIds.text(body.path("sip").path("username")));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.putAll(EndpointOptions.headers(body.path("sip").path("custom_sip_headers")));
        headers.putAll(EndpointOptions.headers(body.path("custom_sip_headers")));
        headers.putAll(options.headers());
        String ringtone = ringtone(body, owner == null ? null : owner.body());
        if (ringtone != null) {
            headers.put("Alert-Info", ringtone);
        }
        if (page) {
            headers.put("Alert-Info", "info=alert-autoanswer;delay=0");
            headers.put("Call-Info", "answer-after=0");
        }
        ignoreEarlyMedia |= body.path("media").path("ignore_early_media").asBoolean(false);
        return new BridgeEndpoint(page ? "page" : "device", device.id(), ownerId, options.groupId(), target,
                options.delay(), options.timeout(), headers, options.suppressClid() ? CallerIds.ANONYMOUS : null, false,
                failover);
    }

    /**
     * The forward leg: dialled in the account like any number. With {@code keep_caller_id} the forward target sees
     * who calls; without, it sees the forwarding user's external caller ID.
     */
    private BridgeEndpoint forwardLeg(Document device, Document owner, String ownerId, ObjectNode forward, String number,
                                      EndpointOptions options) {
        Party callerId;
        if (options.suppressClid()) {
            callerId = CallerIds.ANONYMOUS;
        } else if (forward.path("keep_caller_id").asBoolean(true)) {
            callerId = CallerIds.of(ctx, "external");
        } else {
            callerId = CallerIds.ofEndpoint(ctx, device, owner, "external", ctx.call().callerId());
        }
        return new BridgeEndpoint("number", number, ownerId, options.groupId(), number, options.delay(),
                options.timeout(), options.headers(), callerId, forward.path("require_keypress").asBoolean(true), null);
    }

    /** Alert-Info: a ring group's override, else the endpoint's ringtone for calls from inside or outside. */
    private String ringtone(ObjectNode device, ObjectNode owner) {
        String override = ctx.state().variables().get("Override-Ringtone");
        if (override != null && !override.isBlank()) {
            return override;
        }
        String key = ctx.call().info().fromCarrier() ? "external" : "internal";
        String fromOwner = owner == null ? null : CallerIds.text(owner.path("ringtones").path(key));
        return CallerIds.firstNonBlank(fromOwner, CallerIds.text(device.path("ringtones").path(key)));
    }

    /** KAZOO's call_forward merge: the device's own when enabled, else account, device and user, the user's on top. */
    private ObjectNode callForward(ObjectNode device, ObjectNode owner) {
        JsonNode own = device.path("call_forward");
        if (own.path("enabled").asBoolean(false)) {
            return (ObjectNode) own;
        }
        ObjectNode merged = Json.object();
        for (JsonNode layer : new JsonNode[] {ctx.documents().account().body().path("call_forward"), own,
                owner == null ? null : owner.path("call_forward")}) {
            if (layer != null && layer.isObject()) {
                layer.properties().forEach(e -> {
                    if (!e.getValue().isNull() && !(e.getValue().isString() && e.getValue().asString().isEmpty())) {
                        merged.set(e.getKey(), e.getValue());
                    }
                });
            }
        }
        return merged;
    }

    /** The id of whom a device rings for: its one hot-desked user, none when several are, else {@code owner_id}. */
    static String ownerId(ObjectNode device) {
        return dev.switchboard.core.doc.DeviceOwner.of(device);
    }

    static Optional<Document> ownerOf(ActionContext ctx, Document device) {
        return ctx.documents().get("user", ownerId(device.body()));
    }

    /**
     * The devices that ring for a user, by id: those the user is hot-desked on, and those the user owns that nobody is
     * hot-desked on (KAZOO's attributes/owned view).
     */
    static List<Document> devicesOf(ActionContext ctx, String userId) {
        Map<String, Document> byId = new TreeMap<>();
        for (Document d : ctx.documents().find(DocumentIndexes.OWNER, userId)) {
            if (d.type().equals("device") && d.body().path("hotdesk").path("users").propertyNames().isEmpty()) {
                byId.put(d.id(), d);
            }
        }
        for (Document d : hotdeskedOn(ctx, userId)) {
            byId.put(d.id(), d);
        }
        return new ArrayList<>(byId.values());
    }

    /** The devices a user is hot-desked on, by id. */
    static List<Document> hotdeskedOn(ActionContext ctx, String userId) {
        return ctx.documents().find(DocumentIndexes.DEVICE_HOTDESK_USER, userId).stream()
                .filter(d -> d.type().equals("device")).sorted(java.util.Comparator.comparing(Document::id)).toList();
    }

    /** "First Last" of a user document, or whichever part it has. */
    static String userName(ObjectNode user) {
        String first = CallerIds.text(user.path("first_name"));
        String last = CallerIds.text(user.path("last_name"));
        if (first != null && last != null) {
            return first + " " + last;
        }
        return first != null ? first : last;
    }
}
