package dev.switchboard.core.actions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.switchboard.core.call.BridgeEndpoint;
import dev.switchboard.core.call.CallInfo;
import dev.switchboard.core.call.DigitRequest;
import dev.switchboard.core.call.Media;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code hotdesk} (spec §6.36): a user logs in to (or out of) the phone they call from, which then rings for them
 * instead of its owner. Data: {@code action} login|logout|toggle|bridge, {@code id} (the user; else asked for:
 * "hotdesk-enter_id", the user's {@code hotdesk.id}, 3 attempts), {@code interdigit_timeout} (ms, 2000; the user
 * document's value wins).
 * <ul>
 * <li>login: the PIN when {@code hotdesk.require_pin} ("hotdesk-enter_pin", 3 attempts, then "hotdesk-abort",
 * "vm-goodbye"); unless {@code keep_logged_in_elsewhere}, logged out of every other device; the calling device
 * gets {@code hotdesk.users.<user id>}; "hotdesk-logged_in", "vm-goodbye".</li>
 * <li>logout (without id: the calling device's single user): removed from the calling device only with
 * {@code keep_logged_in_elsewhere}, else from all; "hotdesk-logged_out", "vm-goodbye".</li>
 * <li>toggle: logout when logged in anywhere, else login.</li>
 * <li>bridge: with {@code hotdesk.enabled}, ring the devices the user is logged in to (together, 20 s). Answered →
 * stop (KAZOO continues to "_" here, spec §11.3; we do not: a finished conversation is not followed by the next
 * step); failed → the cause/SIP-code child, else "_".</li>
 * </ul>
 * Then "_".
 */
public final class HotdeskAction implements Action {
    static final int MAX_ATTEMPTS = 3;
    static final int MAX_PIN = 6;
    static final int MAX_ID = 10;

    @Override
    public String module() {
        return "hotdesk";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        String action = data.path("action").asString("");
        String userId = CallerIds.text(data.path("id"));
        if (userId == null && action.equals("logout")) {
            userId = singleUserOfCallingDevice(ctx);
        }
        Optional<Document> user;
        if (userId != null) {
            user = ctx.documents().get("user", userId);
            if (user.isEmpty()) {
                prompt(ctx, "hotdesk-abort");
                return Next.CONTINUE;
            }
        } else {
            user = askForUser(ctx, data);
            if (user.isEmpty()) {
                return Next.CONTINUE;
            }
        }
        Duration interdigit = Duration.ofMillis(user.get().body().path("interdigit_timeout")
                .asLong(data.path("interdigit_timeout").asLong(DigitRequest.DEFAULT_INTERDIGIT.toMillis())));
        switch (action) {
            case "bridge" -> {
                return bridge(ctx, user.get());
            }
            case "login" -> login(ctx, user.get(), interdigit);
            case "logout" -> logout(ctx, user.get());
            case "toggle" -> {
                if (Endpoints.hotdeskedOn(ctx, user.get().id()).isEmpty()) {
                    login(ctx, user.get(), interdigit);
                } else {
                    logout(ctx, user.get());
                }
            }
            default -> ctx.event("hotdesk:unknown_action");
        }
        return Next.CONTINUE;
    }

    private static Next bridge(ActionContext ctx, Document user) {
        if (!user.body().path("hotdesk").path("enabled").asBoolean(false)) {
            return Next.CONTINUE;
        }
        Endpoints builder = new Endpoints(ctx);
        EndpointOptions options = EndpointOptions.from(Json.object(), "hotdesk", EndpointOptions.DEFAULT_TIMEOUT);
        List<BridgeEndpoint> legs = new ArrayList<>();
        for (Document device : Endpoints.hotdeskedOn(ctx, user.id())) {
            legs.addAll(builder.device(device, options));
        }
        if (legs.isEmpty()) {
            return Next.CONTINUE;
        }
        return Bridging.after(ctx, Bridging.ring(ctx, legs, "simultaneous", EndpointOptions.DEFAULT_TIMEOUT, null,
                builder.ignoreEarlyMedia(), false));
    }

    private static void login(ActionContext ctx, Document user, Duration interdigit) {
        ctx.call().answer();
        JsonNode hotdesk = user.body().path("hotdesk");
        if (hotdesk.path("require_pin").asBoolean(false) && !pinAccepted(ctx, CallerIds.text(hotdesk.path("pin")), interdigit)) {
            prompt(ctx, "hotdesk-abort");
            prompt(ctx, "vm-goodbye");
            return;
        }
        if (!hotdesk.path("keep_logged_in_elsewhere").asBoolean(false)) {
            for (Document device : Endpoints.hotdeskedOn(ctx, user.id())) {
                setHotdesked(ctx, device, user.id(), false);
            }
        }
        Optional<Document> calling = ctx.documents().get("device", ctx.call().info().deviceId());
        if (calling.isEmpty()) {
            prompt(ctx, "hotdesk-abort");
            prompt(ctx, "vm-goodbye");
            return;
        }
        setHotdesked(ctx, calling.get(), user.id(), true);
        prompt(ctx, "hotdesk-logged_in");
        prompt(ctx, "vm-goodbye");
    }

    private static void logout(ActionContext ctx, Document user) {
        ctx.call().answer();
        String calling = ctx.call().info().deviceId();
        boolean onlyHere = user.body().path("hotdesk").path("keep_logged_in_elsewhere").asBoolean(false);
        for (Document device : Endpoints.hotdeskedOn(ctx, user.id())) {
            if (!onlyHere || device.id().equals(calling)) {
                setHotdesked(ctx, device, user.id(), false);
            }
        }
        prompt(ctx, "hotdesk-logged_out");
        prompt(ctx, "vm-goodbye");
    }

    private static boolean pinAccepted(ActionContext ctx, String pin, Duration interdigit) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            String entered = ctx.call().collect(new DigitRequest(List.of(Media.Prompt.of("hotdesk-enter_pin")), 1, MAX_PIN,
                    DigitRequest.DEFAULT_FIRST_DIGIT, interdigit, "#")).digits();
            if (pin != null && pin.equals(entered)) {
                return true;
            }
            prompt(ctx, "hotdesk-invalid_entry");
        }
        return false;
    }

    /** Asks for a hot-desk id until it names exactly one user; "hotdesk-abort" after three misses. */
    private static Optional<Document> askForUser(ActionContext ctx, JsonNode data) {
        Duration interdigit = Duration.ofMillis(data.path("interdigit_timeout").asLong(DigitRequest.DEFAULT_INTERDIGIT.toMillis()));
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            ctx.call().answer();
            String id = ctx.call().collect(new DigitRequest(List.of(Media.Prompt.of("hotdesk-enter_id")), 1, MAX_ID,
                    DigitRequest.DEFAULT_FIRST_DIGIT, interdigit, "#")).digits();
            if (id.isEmpty()) {
                continue;
            }
            List<Document> found = ctx.documents().find(DocumentIndexes.USER_HOTDESK_ID, id).stream()
                    .filter(d -> d.type().equals("user")).toList();
            if (found.size() == 1) {
                return Optional.of(found.getFirst());
            }
            prompt(ctx, "hotdesk-invalid_entry");
        }
        prompt(ctx, "hotdesk-abort");
        return Optional.empty();
    }

    /** The user logged in to the calling device, or its owner when nobody is; null when none or several. */
    private static String singleUserOfCallingDevice(ActionContext ctx) {
        CallInfo info = ctx.call().info();
        return ctx.documents().get("device", info.deviceId()).map(d -> Endpoints.ownerId(d.body())).orElse(null);
    }

    /** Adds or removes {@code hotdesk.users.<userId>} on a device, reading it afresh first. */
    private static void setHotdesked(ActionContext ctx, Document device, String userId, boolean on) {
        Document fresh = ctx.documents().get("device", device.id()).orElse(device);
        ObjectNode body = fresh.body().deepCopy();
        ObjectNode users = body.withObjectProperty("hotdesk").withObjectProperty("users");
        if (on == users.has(userId)) {
            return;
        }
        if (on) {
            users.putObject(userId);
        } else {
            users.remove(userId);
        }
        ctx.documents().save("device", fresh.id(), body);
        ctx.event("saved:device:" + fresh.id() + ":hotdesk." + (on ? "login:" : "logout:") + userId);
    }

    private static void prompt(ActionContext ctx, String id) {
        ctx.call().play(Media.Prompt.of(id), "");
    }
}
