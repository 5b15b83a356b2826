package dev.switchboard.core.actions;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.ActiveCalls;
import tools.jackson.databind.JsonNode;

/**
 * The phones a pickup, intercept or eavesdrop reaches (spec §6.25, §6.33, §6.37): a device, a user's devices, or a
 * group's device members and its user members' devices; and their live calls.
 *
 * @param devices device ids
 * @param users   user ids whose calls count too (a user's call may be on a device not listed, e.g. a mobile)
 */
record CallScope(Set<String> devices, Set<String> users) {

    boolean isEmpty() {
        return devices.isEmpty() && users.isEmpty();
    }

    /** From the first present of {@code device_id}, {@code user_id}; empty when neither is. */
    static CallScope ofDeviceOrUser(ActionContext ctx, JsonNode data) {
        String device = data.path("device_id").asString("");
        if (!device.isEmpty()) {
            return ctx.documents().get("device", device).isPresent() ? new CallScope(Set.of(device), Set.of())
                    : new CallScope(Set.of(), Set.of());
        }
        String user = data.path("user_id").asString("");
        return user.isEmpty() ? new CallScope(Set.of(), Set.of()) : ofUser(ctx, user);
    }

    /** From the first present of {@code device_id}, {@code user_id}, {@code group_id}; empty when none is. */
    static CallScope of(ActionContext ctx, JsonNode data) {
        if (!data.path("device_id").asString("").isEmpty() || !data.path("user_id").asString("").isEmpty()) {
            return ofDeviceOrUser(ctx, data);
        }
        String group = data.path("group_id").asString("");
        Set<String> devices = new LinkedHashSet<>();
        Set<String> users = new LinkedHashSet<>();
        ctx.documents().get("group", group.isEmpty() ? null : group).ifPresent(g ->
                g.body().path("endpoints").properties().forEach(member -> {
                    if (member.getValue().path("type").asString("").equals("user")) {
                        CallScope of = ofUser(ctx, member.getKey());
                        devices.addAll(of.devices());
                        users.addAll(of.users());
                    } else if (ctx.documents().get("device", member.getKey()).isPresent()) {
                        devices.add(member.getKey());
                    }
                }));
        return new CallScope(devices, users);
    }

    static CallScope ofUser(ActionContext ctx, String userId) {
        if (ctx.documents().get("user", userId).isEmpty()) {
            return new CallScope(Set.of(), Set.of());
        }
        return new CallScope(devicesOf(ctx, userId), Set.of(userId));
    }

    /**
     * The devices a user has: those hot-desked by the user, and those they own that nobody is hot-desked on
     * (spec §5.4).
     */
    static Set<String> devicesOf(ActionContext ctx, String userId) {
        Set<String> devices = new LinkedHashSet<>();
        for (Document d : ctx.documents().find(DocumentIndexes.OWNER, userId)) {
            if (d.type().equals("device") && d.body().path("hotdesk").path("users").isEmpty()) {
                devices.add(d.id());
            }
        }
        for (Document d : ctx.documents().ofType("device")) {
            if (d.body().path("hotdesk").path("users").has(userId)) {
                devices.add(d.id());
            }
        }
        return devices;
    }

    /** The scope's live calls in one of {@code states}, never the caller's own. */
    List<ActiveCalls.LiveCall> calls(ActionContext ctx, Set<String> states) {
        String own = ctx.call().info().callId();
        return ctx.services().activeCalls().calls(ctx.accountId()).stream()
                .filter(c -> !c.callId().equals(own) && states.contains(c.state()))
                .filter(c -> devices.contains(c.deviceId()) || (c.ownerId() != null && users.contains(c.ownerId())))
                .toList();
    }
}
