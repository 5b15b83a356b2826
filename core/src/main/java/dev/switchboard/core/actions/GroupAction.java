package dev.switchboard.core.actions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import dev.switchboard.core.call.BridgeEndpoint;
import dev.switchboard.core.call.Media;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;

/**
 * {@code group} (spec §6.32): ring the members of a group document. With a non-empty {@code endpoints} list in
 * its data the node is a ring group ({@link RingGroupAction}) instead. Otherwise: the group's {@code timeout},
 * {@code strategy} and {@code ringback} win over the data's; device members ring first (the calling device and
 * duplicates left out), then every user member's devices, each with its own delay and timeout from the group; the
 * call is answered before ringing. Group not found or nothing to ring → "_". Answered → stop; failed → the
 * cause/SIP-code child, else "_".
 */
public final class GroupAction implements Action {

    @Override
    public String module() {
        return "group";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        if (data.path("endpoints").isArray() && !data.path("endpoints").isEmpty()) {
            return RingGroups.ring(ctx, data, ThreadLocalRandom.current());
        }
        String groupId = data.path("id").asString("");
        Optional<Document> group = ctx.documents().get("group", groupId);
        if (group.isEmpty()) {
            ctx.event("group:" + groupId + ":not_found");
            return Next.CONTINUE;
        }
        JsonNode doc = group.get().body();
        int timeout = EndpointOptions.seconds(doc.has("timeout") ? doc.path("timeout") : data.path("timeout"),
                EndpointOptions.DEFAULT_TIMEOUT);
        String strategy = (doc.has("strategy") ? doc : data).path("strategy").asString("simultaneous");
        Media ringback = ctx.media((doc.has("ringback") ? doc : data).path("ringback").asString("")).orElse(null);
        EndpointOptions options = EndpointOptions.from(data, "group", timeout);
        Endpoints builder = new Endpoints(ctx);
        List<BridgeEndpoint> legs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(doc.path("endpoints").properties());
        for (Map.Entry<String, JsonNode> m : members) {
            if (m.getValue().path("type").asString("device").equals("device")) {
                ring(ctx, builder, legs, seen, m.getKey(), m.getValue(), options, groupId);
            }
        }
        for (Map.Entry<String, JsonNode> m : members) {
            if (m.getValue().path("type").asString("device").equals("user")) {
                for (Document device : Endpoints.devicesOf(ctx, m.getKey())) {
                    ring(ctx, builder, legs, seen, device.id(), m.getValue(), options, groupId);
                }
            }
        }
        ctx.call().answer();
        if (legs.isEmpty()) {
            return Next.CONTINUE;
        }
        return Bridging.after(ctx, Bridging.ring(ctx, legs, strategy, timeout, ringback, true, false));
    }

    private static void ring(ActionContext ctx, Endpoints builder, List<BridgeEndpoint> legs, Set<String> seen,
                             String deviceId, JsonNode member, EndpointOptions options, String groupId) {
        if (deviceId.equals(ctx.call().info().deviceId()) || !seen.add(deviceId)) {
            return;
        }
        legs.addAll(builder.device(deviceId, options.withLeg(Math.max(0, member.path("delay").asInt(0)),
                EndpointOptions.seconds(member.path("timeout"), options.timeout()), groupId)));
    }
}
