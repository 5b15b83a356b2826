package dev.switchboard.telephony.endpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.switchboard.core.actions.Carriers;
import dev.switchboard.core.call.BridgeEndpoint;
import dev.switchboard.core.call.Party;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.engine.AccountDocuments;
import dev.switchboard.core.number.NumberNormalizer;
import dev.switchboard.core.registration.Binding;
import tools.jackson.databind.JsonNode;

/**
 * Turns the engine's bridge legs into INVITEs to send (spec §5.4 on real lines):
 * <ul>
 * <li>{@code device} and {@code page}: one target per registered contact, rung together, sent where the phone's
 * REGISTER came from; the Request-URI per the device's {@code sip.invite_format} ({@code contact}, the default:
 * the registered Contact; {@code username}: {@code sip:<user>@<realm>}); an action's {@code static_invite}
 * replaces the user. A device with {@code sip.method: ip} is reached at {@code sip.ip} without registering. A
 * device that cannot be reached takes the leg's {@code failover}, else fails with USER_NOT_REGISTERED / sip:404.</li>
 * <li>{@code carrier}: the gateway of the resource the dial string names, with its credentials, the gateway's
 * {@code realm} as the Request-URI host, the resource's {@code from_uri_realm} in From when
 * {@code format_from_uri}.</li>
 * <li>{@code number} (a call-forward target): the E.164 number out through the account's carriers (else the
 * system's), their gateways tried in turn.</li>
 * </ul>
 */
public final class EndpointResolver {
    private static final int SIP_PORT = 5060;

    private final AccountDocuments docs;
    private final Registrations registrations;
    private final String realm;

    /** @param realm the account's SIP realm */
    public EndpointResolver(AccountDocuments docs, Registrations registrations, String realm) {
        this.docs = docs;
        this.registrations = registrations;
        this.realm = realm;
    }

    /** @param callerId what the callee sees unless the leg carries its own */
    public Dialable resolve(BridgeEndpoint leg, Party callerId) {
        Party shown = leg.callerId() != null ? leg.callerId() : callerId;
        Dialable dialable = switch (leg.kind()) {
            case "device", "page" -> device(leg, shown);
            case "carrier" -> carrier(leg, leg, shown).map(t -> Dialable.of(List.of(List.of(t))))
                    .orElseGet(() -> Dialable.unreachable("NO_ROUTE_DESTINATION", "sip:404"));
            case "number" -> number(leg, shown);
            default -> Dialable.unreachable("INVALID_NUMBER_FORMAT", "sip:484");
        };
        if (!dialable.reachable() && leg.failover() != null) {
            return resolve(leg.failover(), callerId);
        }
        return dialable;
    }

    private Dialable device(BridgeEndpoint leg, Party shown) {
        Optional<Document> found = docs.get("device", leg.id());
        if (found.isEmpty()) {
            return Dialable.unreachable("UNALLOCATED_NUMBER", "sip:404");
        }
        JsonNode sip = found.get().body().path("sip");
        String username = sip.path("username").asString("");
        String user = leg.target() == null || leg.target().isBlank() ? username : leg.target();
        if (sip.path("method").asString("password").equals("ip") && !sip.path("ip").asString("").isBlank()) {
            String ip = sip.path("ip").asString();
            return Dialable.of(List.of(List.of(new SipTarget(leg, uri(user, ip), new Hop("udp", ip, SIP_PORT, null),
                    null, shown, null, leg.headers()))));
        }
        List<SipTarget> targets = new ArrayList<>();
        boolean byUsername = sip.path("invite_format").asString("contact").equals("username")
                || !user.equals(username);
        for (Binding contact : registrations.contacts(docs.accountId(), leg.id())) {
            String requestUri = byUsername ? uri(user, realm) : contact.contactUri();
            targets.add(new SipTarget(leg, requestUri, new Hop(contact.transport(), contact.host(), contact.port(),
                    contact.flow()), null, shown, null, leg.headers()));
        }
        return targets.isEmpty() ? Dialable.unreachable("USER_NOT_REGISTERED", "sip:404")
                : Dialable.of(List.of(targets));
    }

    private Dialable number(BridgeEndpoint leg, Party shown) {
        String number = NumberNormalizer.normalize(leg.target());
        List<List<SipTarget>> attempts = new ArrayList<>();
        for (BridgeEndpoint carrierLeg : Carriers.forNumber(docs, number, shown, leg.timeout())) {
            carrier(carrierLeg, leg, carrierLeg.callerId() != null ? carrierLeg.callerId() : shown)
                    .ifPresent(t -> attempts.add(List.of(t)));
        }
        return attempts.isEmpty() ? Dialable.unreachable("NO_ROUTE_DESTINATION", "sip:404") : Dialable.of(attempts);
    }

    /**
     * The gateway a carrier leg dials: the gateway of its resource whose {@code route}, or
     * {@code @server[:port]}, its dial string ends with.
     *
     * @param serves the engine's leg the target answers for (the carrier leg itself, or a forward number's leg)
     */
    private Optional<SipTarget> carrier(BridgeEndpoint carrierLeg, BridgeEndpoint serves, Party shown) {
        Optional<Document> resource = docs.get("resource", carrierLeg.id());
        if (resource.isEmpty()) {
            return Optional.empty();
        }
        JsonNode body = resource.get().body();
        String dial = carrierLeg.target();
        for (JsonNode gateway : body.path("gateways")) {
            String server = gateway.path("server").asString("");
            int port = gateway.path("port").asInt(SIP_PORT);
            String route = gateway.path("route").asString("");
            String hostPart = "@" + server + (port == SIP_PORT ? "" : ":" + port);
            boolean routed = !route.isBlank() && dial.equals(route);
            if (!routed && (server.isBlank() || !dial.endsWith(hostPart))) {
                continue;
            }
            String requestUri = dial;
            String gatewayRealm = gateway.path("realm").asString("");
            if (!routed && !gatewayRealm.isBlank()) {
                requestUri = dial.substring(0, dial.length() - hostPart.length()) + "@" + gatewayRealm;
            }
            String username = gateway.path("username").asString("");
            DigestCredentials credentials = username.isBlank() ? null : new DigestCredentials(username,
                    gateway.path("password").asString(""), gatewayRealm.isBlank() ? null : gatewayRealm);
            String fromHost = body.path("format_from_uri").asBoolean(false)
                    && !body.path("from_uri_realm").asString("").isBlank() ? body.path("from_uri_realm").asString()
                    : null;
            Hop hop = routed ? routeHop(route) : new Hop("udp", server, port, null);
            return Optional.of(new SipTarget(serves, requestUri, hop, credentials, shown, fromHost,
                    carrierLeg.headers()));
        }
        return Optional.empty();
    }

    /** The next hop of a static route URI: its host and port (5060 when absent), over UDP. */
    private static Hop routeHop(String route) {
        String rest = route.replaceFirst("^sips?:", "");
        int at = rest.indexOf('@');
        String hostPort = rest.substring(at + 1).split("[;?>]", 2)[0];
        int colon = hostPort.lastIndexOf(':');
        if (colon > 0 && !hostPort.endsWith("]") && hostPort.substring(colon + 1).matches("\\d{1,5}")) {
            return new Hop("udp", hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)), null);
        }
        return new Hop("udp", hostPort, SIP_PORT, null);
    }

    private static String uri(String user, String host) {
        return user.startsWith("sip:") || user.startsWith("sips:") ? user : "sip:" + user + "@" + host;
    }
}
