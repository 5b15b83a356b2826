package dev.switchboard.api;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentKind;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.doc.ListQuery;
import dev.switchboard.core.registration.Binding;
import dev.switchboard.core.registration.Bindings;
import io.javalin.http.HandlerType;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Live registrations: every registered contact of the account ({@code /registrations}, as KAZOO's), of one device
 * ({@code /devices/{id}/registrations}), and whether each device is registered ({@code /devices/status}, as KAZOO's).
 */
final class RegistrationResource {
    private static final String ACCOUNT = "/v2/accounts/{account_id}";

    private final Bindings bindings;
    private final DocumentService documents;
    private final Clock clock;

    RegistrationResource(Bindings bindings, DocumentService documents, Clock clock) {
        this.bindings = bindings;
        this.documents = documents;
        this.clock = clock;
    }

    List<Route> routes() {
        return List.of(
                new Route(HandlerType.GET, ACCOUNT + "/registrations", "devices",
                        "Registered contacts of the account's devices", Route.Access.ACCOUNT, null, this::ofAccount),
                new Route(HandlerType.GET, ACCOUNT + "/devices/status", "devices",
                        "Whether each device is registered", Route.Access.ACCOUNT, null, this::status),
                new Route(HandlerType.GET, ACCOUNT + "/devices/{id}/registrations", "devices",
                        "Registered contacts of a device", Route.Access.ACCOUNT, null, this::ofDevice));
    }

    private void ofAccount(RequestScope s) {
        Instant now = clock.instant();
        ArrayNode rows = Json.array();
        bindings.ofAccount(s.accountId()).stream().filter(b -> !b.expired(now)).forEach(b -> rows.add(row(b, now)));
        Envelope.ok(s.ctx(), rows);
    }

    private void ofDevice(RequestScope s) {
        Document device = documents.get(s.accountId(), DocumentKind.DEVICE, s.pathParam("id"));
        Instant now = clock.instant();
        ArrayNode rows = Json.array();
        bindings.ofDevice(s.accountId(), device.id()).stream().filter(b -> !b.expired(now))
                .forEach(b -> rows.add(row(b, now)));
        Envelope.ok(s.ctx(), rows);
    }

    private void status(RequestScope s) {
        Instant now = clock.instant();
        Set<String> registered = new LinkedHashSet<>();
        bindings.ofAccount(s.accountId()).stream().filter(b -> !b.expired(now)).forEach(b -> registered.add(b.deviceId()));
        ArrayNode rows = Json.array();
        for (Document device : documents.list(s.accountId(), DocumentKind.DEVICE, ListQuery.all()).documents()) {
            rows.addObject().put("device_id", device.id()).put("registered", registered.contains(device.id()));
        }
        Envelope.ok(s.ctx(), rows);
    }

    private static ObjectNode row(Binding b, Instant now) {
        return Json.object().put("device_id", b.deviceId()).put("contact", b.contactUri())
                .put("transport", b.transport()).put("source_ip", b.host()).put("source_port", b.port())
                .put("expires", b.expires().toString())
                .put("expires_in_s", Math.max(0, b.expires().getEpochSecond() - now.getEpochSecond()))
                .put("user_agent", b.userAgent());
    }
}
