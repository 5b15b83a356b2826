package dev.switchboard.core.actions;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.switchboard.core.call.HoldOutcome;
import dev.switchboard.core.call.Media;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import dev.switchboard.core.routing.Route;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code camping_feature} (spec §6.13): camp on a busy extension ({@code *7} + extension). The capture group must
 * route to a callflow that starts with a {@code user} or {@code device} node, and the caller must be a device. A
 * free extension is simply called. A busy one: the caller hears {@code camper-queue} and waits on hold, checked
 * every {@value #CHECK_SECONDS} s, for up to {@code timeout} minutes (default 15, KAZOO's camper default); as soon
 * as the extension is free it is called. Anything else: {@code camper-deny}, and the call ends.
 */
public final class CampingFeatureAction implements Action {
    static final int CHECK_SECONDS = 10;
    private static final int DEFAULT_TIMEOUT_MINUTES = 15;

    private record Target(String module, String id) {
        ObjectNode node() {
            ObjectNode node = Json.object().put("module", module);
            node.putObject("data").put("id", id);
            return node;
        }
    }

    @Override
    public String module() {
        return "camping_feature";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        ctx.call().answer();
        Optional<Target> target = target(ctx);
        if (target.isEmpty() || ctx.call().info().deviceId() == null) {
            ctx.event("camp:denied");
            ctx.call().play(Media.Prompt.of("camper-deny"), "");
            return Next.STOP;
        }
        Set<String> devices = devices(ctx, target.get());
        if (!busy(ctx, devices)) {
            return new Next.Branch(target.get().node(), "camping");
        }
        ctx.event("camp:busy:" + target.get().id());
        ctx.call().play(Media.Prompt.of("camper-queue"), "");
        Instant giveUp = ctx.call().now().plus(Duration.ofMinutes(Math.max(1,
                data.path("timeout").asInt(DEFAULT_TIMEOUT_MINUTES))));
        while (ctx.call().now().isBefore(giveUp)) {
            HoldOutcome held = ctx.call().hold(null, Duration.ofSeconds(CHECK_SECONDS));
            if (held == HoldOutcome.HUNG_UP) {
                return new Next.HardStop();
            }
            if (held == HoldOutcome.TAKEN) {
                return new Next.Handover("bridged");
            }
            if (!busy(ctx, devices)) {
                ctx.event("camp:free:" + target.get().id());
                return new Next.Branch(target.get().node(), "camping");
            }
        }
        ctx.event("camp:expired");
        return Next.STOP;
    }

    /** The user or device the capture group dials, from the root node of its callflow. */
    private static Optional<Target> target(ActionContext ctx) {
        String number = ctx.state().captureGroup();
        if (number == null || number.isEmpty()) {
            return Optional.empty();
        }
        return ctx.route(number, false)
                .filter(r -> !r.noMatch())
                .map(Route::callflow)
                .map(cf -> cf.body().path("flow"))
                .filter(flow -> Set.of("user", "device").contains(flow.path("module").asString("")))
                .filter(flow -> !flow.path("data").path("id").asString("").isEmpty())
                .map(flow -> new Target(flow.path("module").asString(), flow.path("data").path("id").asString()));
    }

    private static Set<String> devices(ActionContext ctx, Target target) {
        if (target.module().equals("device")) {
            return Set.of(target.id());
        }
        return ctx.documents().find(DocumentIndexes.OWNER, target.id()).stream()
                .filter(d -> d.type().equals("device")).map(Document::id).collect(Collectors.toSet());
    }

    private static boolean busy(ActionContext ctx, Set<String> devices) {
        String self = ctx.call().info().callId();
        return ctx.services().activeCalls().calls(ctx.accountId()).stream()
                .anyMatch(c -> !c.callId().equals(self) && devices.contains(c.deviceId()));
    }
}
