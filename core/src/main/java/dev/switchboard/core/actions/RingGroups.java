package dev.switchboard.core.actions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

import dev.switchboard.core.call.BridgeEndpoint;
import dev.switchboard.core.call.BridgeResult;
import dev.switchboard.core.call.Media;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;

/**
 * Ring groups (spec §6.61), shared by {@code ring_group}, {@code group} with endpoints in its data, and
 * {@code route_to_cid}: members resolved to devices, ordered by the strategy, rung {@code repeats} times.
 */
final class RingGroups {
    static final int DEFAULT_WEIGHT = 20;
    /** Groups inside groups are followed this deep; deeper ones are ignored (a group containing itself). */
    private static final int MAX_DEPTH = 5;

    /**
     * One device to ring and how.
     *
     * @param groupId the group document that brought it in, or the ring group's own id
     */
    record Member(String deviceId, int delay, int timeout, int weight, String groupId) {
    }

    private RingGroups() {
    }

    static Next ring(ActionContext ctx, JsonNode data, RandomGenerator random) {
        String strategy = data.path("strategy").asString("simultaneous");
        int timeout = EndpointOptions.seconds(data.path("timeout"), EndpointOptions.DEFAULT_TIMEOUT);
        int repeats = Math.max(1, data.path("repeats").asInt(1));
        String ringtone = CallerIds.text(data.path("ringtones").path(ctx.call().info().fromCarrier() ? "external" : "internal"));
        if (ringtone != null) {
            ctx.state().variables().put("Override-Ringtone", ringtone);
        }
        Media ringback = ctx.media(data.path("ringback").asString("")).orElse(null);
        boolean failOnSingleReject = Bridging.failOnSingleReject(ctx, data);
        EndpointOptions options = EndpointOptions.from(data, "ring_group", timeout);
        String ownId = CallerIds.text(data.path("id"));
        for (int attempt = 1; attempt <= repeats; attempt++) {
            List<Member> members = resolve(ctx, data.path("endpoints"), strategy, EndpointOptions.DEFAULT_TIMEOUT, ownId,
                    false);
            if (strategy.equals("weighted_random")) {
                members = weightedRandom(members, random);
            }
            Endpoints builder = new Endpoints(ctx);
            List<BridgeEndpoint> legs = new ArrayList<>();
            for (Member m : members) {
                legs.addAll(builder.device(m.deviceId(), options.withLeg(m.delay(), m.timeout(), m.groupId())));
            }
            boolean oneByOne = strategy.equals("single") || strategy.equals("weighted_random");
            if (!oneByOne) {
                legs.sort(Comparator.comparingInt(BridgeEndpoint::delay));
            }
            if (legs.isEmpty()) {
                ctx.event("ring_group:no_endpoints");
                return Next.CONTINUE;
            }
            BridgeResult result = Bridging.ring(ctx, legs, oneByOne ? "single" : "simultaneous", timeout, ringback, true,
                    failOnSingleReject);
            if (result.answered()) {
                return Bridging.answered(ctx, result);
            }
            Optional<Next> failure = ctx.bridgeFailure(result);
            if (failure.isPresent()) {
                return failure.get();
            }
        }
        return Next.CONTINUE;
    }

    /**
     * Members in listed order, as devices: users become their devices, groups their members (ordered by weight,
     * unweighted ones left out, for the single strategy). Members whose {@code disable_until} is still ahead are
     * skipped; the calling device is left out; a device with the same delay and timeout comes once
     * ({@code onePerDevice}: once at all).
     */
    static List<Member> resolve(ActionContext ctx, JsonNode members, String strategy, int defaultTimeout, String groupId,
                                boolean onePerDevice) {
        List<Member> out = new ArrayList<>();
        resolve(ctx, members, strategy, defaultTimeout, groupId, onePerDevice, out, new HashSet<>(), 0);
        return out;
    }

    private static void resolve(ActionContext ctx, JsonNode members, String strategy, int defaultTimeout, String groupId,
                                boolean onePerDevice, List<Member> out, Set<String> seen, int depth) {
        if (!members.isArray() || depth > MAX_DEPTH) {
            return;
        }
        long now = Bridging.nowGregorian(ctx);
        for (JsonNode m : members) {
            String id = CallerIds.text(m.path("id"));
            if (id == null) {
                continue;
            }
            if (m.path("disable_until").asLong(0) > now) {
                ctx.event("member:" + id + ":disabled");
                continue;
            }
            int delay = Math.max(0, m.path("delay").asInt(0));
            int timeout = EndpointOptions.seconds(m.path("timeout"), defaultTimeout);
            int weight = Math.clamp(m.path("weight").asInt(DEFAULT_WEIGHT), 1, 100);
            switch (m.path("endpoint_type").asString("device")) {
                case "user" -> {
                    for (Document device : Endpoints.devicesOf(ctx, id)) {
                        add(ctx, out, seen, onePerDevice, new Member(device.id(), delay, timeout, weight, groupId));
                    }
                }
                case "group" -> {
                    Optional<Document> group = ctx.documents().get("group", id);
                    if (group.isEmpty()) {
                        ctx.event("member:" + id + ":not_found");
                        continue;
                    }
                    resolve(ctx, groupMembers(group.get(), strategy, delay, timeout, weight), strategy, defaultTimeout,
                            id, onePerDevice, out, seen, depth + 1);
                }
                default -> add(ctx, out, seen, onePerDevice, new Member(id, delay, timeout, weight, groupId));
            }
        }
    }

    private static void add(ActionContext ctx, List<Member> out, Set<String> seen, boolean onePerDevice, Member m) {
        if (m.deviceId().equals(ctx.call().info().deviceId())) {
            return;
        }
        String key = onePerDevice ? m.deviceId() : m.deviceId() + "|" + m.delay() + "|" + m.timeout();
        if (seen.add(key)) {
            out.add(m);
        }
    }

    /** A group document's endpoints as ring-group members; each keeps its own delay/timeout/weight or the member's. */
    private static JsonNode groupMembers(Document group, String strategy, int delay, int timeout, int weight) {
        var array = dev.switchboard.core.doc.Json.array();
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(group.body().path("endpoints").properties());
        if (strategy.equals("single")) {
            entries.removeIf(e -> !e.getValue().path("weight").isNumber());
            entries.sort(Comparator.comparingInt(e -> e.getValue().path("weight").asInt()));
        }
        for (Map.Entry<String, JsonNode> e : entries) {
            JsonNode endpoint = e.getValue();
            var member = array.addObject().put("id", e.getKey())
                    .put("endpoint_type", endpoint.path("type").asString("device"))
                    .put("delay", endpoint.path("delay").asInt(delay))
                    .put("timeout", endpoint.path("timeout").asInt(timeout))
                    .put("weight", endpoint.path("weight").asInt(weight));
            if (endpoint.has("disable_until")) {
                member.set("disable_until", endpoint.get("disable_until"));
            }
        }
        return array;
    }

    /**
     * KAZOO's weighted random order: draw a member with probability weight / total of those left, repeat until none
     * is left. Heavier members tend to ring first.
     */
    static List<Member> weightedRandom(List<Member> members, RandomGenerator random) {
        List<Member> left = new ArrayList<>(members);
        left.sort(Comparator.comparingInt(Member::weight));
        List<Member> out = new ArrayList<>();
        while (!left.isEmpty()) {
            int total = left.stream().mapToInt(Member::weight).sum();
            int pick = random.nextInt(1, total + 1);
            int sum = 0;
            for (int i = 0; i < left.size(); i++) {
                sum += left.get(i).weight();
                if (sum >= pick) {
                    out.add(left.remove(i));
                    break;
                }
            }
        }
        return out;
    }
}
