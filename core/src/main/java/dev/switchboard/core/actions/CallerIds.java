package dev.switchboard.core.actions;

import java.util.Map;
import java.util.Optional;

import dev.switchboard.core.call.CallInfo;
import dev.switchboard.core.call.Party;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.ActionContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The caller ID that callees and carriers see (spec §5.5), for an attribute {@code internal}, {@code external} or
 * {@code emergency}:
 * <ol>
 * <li>a call from outside (a carrier) that is not itself a forwarded call, or one with channel variable
 * {@code Retain-CID} = true, keeps the caller ID it has, unless {@code force_dynamic_cid} is set;</li>
 * <li>else the caller ID {@code dynamic_cid} chose;</li>
 * <li>else the calling device's {@code caller_id.<attribute>}, merged with its user's and the account's
 * (the user's wins, the device's with the account's {@code prefer_device_caller_id}); emergency falls back to
 * external, then to {@code caller_id.default}; internal falls back to the presence id; what is still missing comes
 * from the call's current caller ID;</li>
 * <li>then {@code prepend_cid_number}/{@code prepend_cid_name} are put in front, and
 * {@code rewrite_cid_number}/{@code rewrite_cid_name} replace the result.</li>
 * </ol>
 * The flags ({@code Retain-CID}, {@code Call-Forward}, {@code force_dynamic_cid}) are channel variables
 * ({@link dev.switchboard.core.engine.CallState#variables()}); the parts the caller-ID actions (prepend_cid,
 * set_cid, dynamic_cid) set are read from the call's KVS ({@link dev.switchboard.core.engine.CallState#kvs()}),
 * where those actions keep them (see {@link PresentedCallerId}), so the caller ID a callee sees and the one the
 * call presents are built from the same parts.
 */
final class CallerIds {
    /** What a callee sees when the action asks for no caller ID ({@code suppress_clid}). */
    static final Party ANONYMOUS = new Party("anonymous", "Anonymous");

    private CallerIds() {
    }

    /** The caller ID device legs of this call show: internal for calls from inside, external from outside. */
    static Party forDevices(ActionContext ctx) {
        return of(ctx, ctx.call().info().fromCarrier() ? "external" : "internal");
    }

    static Party of(ActionContext ctx, String attribute) {
        CallInfo info = ctx.call().info();
        Map<String, String> kvs = ctx.state().variables();
        Party current = ctx.call().callerId();
        boolean keep = (info.fromCarrier() && !isTrue(kvs.get("Call-Forward"))) || isTrue(kvs.get("Retain-CID"));
        if (keep && !isTrue(kvs.get("force_dynamic_cid"))) {
            return current;
        }
        ObjectNode parts = ctx.state().kvs();
        Party found;
        String dynamic = text(parts.path("dynamic_cid").path("number"));
        if (dynamic != null) {
            found = new Party(dynamic, firstNonBlank(text(parts.path("dynamic_cid").path("name")), current.name()));
        } else {
            Optional<Document> device = ctx.documents().get("device", info.deviceId());
            Optional<Document> owner = device.flatMap(d -> Endpoints.ownerOf(ctx, d))
                    .or(() -> ctx.documents().get("user", info.ownerId()));
            found = ofEndpoint(ctx, device.orElse(null), owner.orElse(null), attribute, current);
        }
        String number = found.number();
        String name = found.name();
        String prependNumber = text(parts.path(PresentedCallerId.PREFIX_NUMBER));
        String prependName = text(parts.path(PresentedCallerId.PREFIX_NAME));
        if (prependNumber != null && number != null) {
            number = prependNumber + number;
        }
        if (prependName != null && name != null) {
            name = prependName + name;
        }
        number = firstNonBlank(text(parts.path(PresentedCallerId.REWRITE_NUMBER)), number);
        name = firstNonBlank(text(parts.path(PresentedCallerId.REWRITE_NAME)), name);
        return new Party(number, name);
    }

    /**
     * An endpoint's own caller ID for {@code attribute}: {@code caller_id} of the device merged with its owner's and
     * the account's; parts it does not have come from {@code fallback}.
     */
    static Party ofEndpoint(ActionContext ctx, Document device, Document owner, String attribute, Party fallback) {
        JsonNode merged = merged(ctx.documents().account().body(), device == null ? null : device.body(),
                owner == null ? null : owner.body());
        String number = lookup(merged, attribute, "number");
        String name = lookup(merged, attribute, "name");
        if (number == null && attribute.equals("internal")) {
            String presence = firstNonBlank(owner == null ? null : owner.body().path("presence_id").asString(null),
                    device == null ? null : device.body().path("presence_id").asString(null));
            number = presence == null ? null : presence.split("@", 2)[0];
        }
        return new Party(number != null ? number : fallback.number(), name != null ? name : fallback.name());
    }

    private static String lookup(JsonNode callerId, String attribute, String field) {
        String value = text(callerId.path(attribute).path(field));
        if (value == null && attribute.equals("emergency")) {
            value = text(callerId.path("external").path(field));
        }
        return value != null ? value : text(callerId.path("default").path(field));
    }

    /** KAZOO's caller_id merge: account, then device, then user on top (device on top with prefer_device_caller_id). */
    private static JsonNode merged(ObjectNode account, ObjectNode device, ObjectNode owner) {
        ObjectNode ownerCallerId = owner == null ? Json.object() : owner.path("caller_id").isObject()
                ? ((ObjectNode) owner.get("caller_id")).deepCopy() : Json.object();
        if (owner != null && text(ownerCallerId.path("internal").path("name")) == null) {
            String name = Endpoints.userName(owner);
            if (name != null) {
                ownerCallerId.withObjectProperty("internal").put("name", name);
            }
        }
        ObjectNode deviceCallerId = device == null ? Json.object() : device.path("caller_id").isObject()
                ? (ObjectNode) device.get("caller_id") : Json.object();
        ObjectNode out = Json.object();
        boolean preferDevice = account.path("prefer_device_caller_id").asBoolean(false);
        overlay(out, account.path("caller_id"));
        overlay(out, preferDevice ? ownerCallerId : deviceCallerId);
        overlay(out, preferDevice ? deviceCallerId : ownerCallerId);
        for (String field : new String[] {"number", "name"}) {
            String emergency = text(deviceCallerId.path("emergency").path(field));
            if (emergency != null) {
                out.withObjectProperty("emergency").put(field, emergency);
            }
        }
        return out;
    }

    /** Copies the non-empty {@code <attribute>.<field>} strings of {@code from} over {@code into}. */
    private static void overlay(ObjectNode into, JsonNode from) {
        from.properties().forEach(attr -> attr.getValue().properties().forEach(field -> {
            String value = text(field.getValue());
            if (value != null) {
                into.withObjectProperty(attr.getKey()).put(field.getKey(), value);
            }
        }));
    }

    static String text(JsonNode node) {
        if (node == null || !(node.isString() || node.isNumber())) {
            return null;
        }
        String s = node.asString();
        return s.isBlank() ? null : s;
    }

    static boolean isTrue(String value) {
        return "true".equalsIgnoreCase(value);
    }

    static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
