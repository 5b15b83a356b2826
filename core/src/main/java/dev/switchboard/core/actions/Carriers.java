package dev.switchboard.core.actions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;

import dev.switchboard.core.call.BridgeEndpoint;
import dev.switchboard.core.call.Party;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.engine.AccountDocuments;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.schema.PcrePattern;
import tools.jackson.databind.JsonNode;

/**
 * Carrier selection for {@code resources}/{@code offnet} (KAZOO's stepswitch): which {@code resource} documents
 * may carry a number, and the legs to their gateways in failover order.
 *
 * <p>Local carriers are the account's resource documents; the system's ("global") carriers are, for now, resource
 * documents of the account marked {@code "global": true}. A resource is used when it is enabled, has every flag the
 * call requires (a call requiring none skips resources with {@code require_flags}), one of its {@code rules}
 * matches the number (no rules: never) and, if it has {@code cid_rules}, one of them matches the caller-ID number.
 * The first matching rule decides what is dialled: its longest capture group, or the whole match. Resources are
 * tried by ascending {@code weight_cost} (1..100, default 50), in document order among equals; each enabled gateway
 * of a resource is one leg, dialled as {@code route} or {@code sip:<prefix><number><suffix>@<server>[:port]}.
 */
public final class Carriers {

    /**
     * @param legs      kind "carrier", id = the resource id, in the order to try
     * @param emergency one of them is an emergency resource: the call presents its emergency caller ID
     */
    record Selection(List<BridgeEndpoint> legs, boolean emergency) {
    }

    private record Candidate(Document resource, String number, int weight) {
    }

    private Carriers() {
    }

    static Selection select(ActionContext ctx, boolean global, String number, Party callerId, Set<String> flags,
                            Map<String, String> headers, int timeout) {
        return select(ctx.documents(), type -> CallerIds.of(ctx, type), global, number, callerId, flags, headers,
                timeout);
    }

    /**
     * The carrier legs for a number dialled outside a {@code resources} action (a call-forward leg on a real call):
     * the account's own carriers, else the system's; no flags are required, and a carrier's
     * {@code caller_id_options.type} leaves the leg's caller ID to the caller's.
     */
    public static List<BridgeEndpoint> forNumber(AccountDocuments docs, String number, Party callerId, int timeout) {
        for (boolean global : new boolean[] {false, true}) {
            List<BridgeEndpoint> legs = select(docs, type -> null, global, number, callerId, Set.of(), Map.of(),
                    timeout).legs();
            if (!legs.isEmpty()) {
                return legs;
            }
        }
        return List.of();
    }

    private static Selection select(AccountDocuments docs, Function<String, Party> callerIdOfType, boolean global,
                                    String number, Party callerId, Set<String> flags, Map<String, String> headers,
                                    int timeout) {
        List<Candidate> candidates = new ArrayList<>();
        for (Document resource : docs.ofType("resource")) {
            JsonNode body = resource.body();
            if (body.path("global").asBoolean(false) != global || !body.path("enabled").asBoolean(true)) {
                continue;
            }
            if (!hasFlags(body, flags)) {
                continue;
            }
            String dialled = firstMatch(body.path("rules"), number);
            if (dialled == null) {
                continue;
            }
            if (!body.path("cid_rules").isEmpty() && firstMatch(body.path("cid_rules"),
                    callerId.number() == null ? "" : callerId.number()) == null) {
                continue;
            }
            candidates.add(new Candidate(resource, dialled, Math.clamp(body.path("weight_cost").asInt(50), 1, 100)));
        }
        candidates.sort(Comparator.comparingInt(Candidate::weight));
        List<BridgeEndpoint> legs = new ArrayList<>();
        boolean emergency = false;
        for (Candidate c : candidates) {
            JsonNode body = c.resource().body();
            boolean isEmergency = body.path("emergency").asBoolean(false)
                    || body.path("caller_id_options").path("type").asString("").equals("emergency");
            String cidType = CallerIds.text(body.path("caller_id_options").path("type"));
            Party legCallerId = cidType == null ? null : callerIdOfType.apply(cidType);
            for (JsonNode gateway : body.path("gateways")) {
                if (!gateway.path("enabled").asBoolean(true) || CallerIds.text(gateway.path("server")) == null
                        && CallerIds.text(gateway.path("route")) == null) {
                    continue;
                }
                Map<String, String> legHeaders = new LinkedHashMap<>(EndpointOptions.headers(gateway.path("custom_sip_headers")));
                legHeaders.putAll(headers);
                legs.add(new BridgeEndpoint("carrier", c.resource().id(), null, null, dialString(gateway, c.number()), 0,
                        timeout, legHeaders, legCallerId, false, null));
                emergency |= isEmergency;
            }
        }
        return new Selection(legs, emergency);
    }

    private static boolean hasFlags(JsonNode resource, Set<String> flags) {
        if (flags.isEmpty()) {
            return !resource.path("require_flags").asBoolean(false);
        }
        Set<String> has = new java.util.HashSet<>();
        resource.path("flags").valueStream().forEach(f -> has.add(f.asString("")));
        return has.containsAll(flags);
    }

    /** What the first matching rule makes of the number: its longest capture group, else the whole match. */
    static String firstMatch(JsonNode rules, String number) {
        for (JsonNode rule : rules) {
            String source = rule.asString("");
            if (!PcrePattern.isValid(source)) {
                continue;
            }
            Matcher m = PcrePattern.compile(source).matcher(number);
            if (!m.find()) {
                continue;
            }
            String longest = null;
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null && (longest == null || m.group(g).length() > longest.length())) {
                    longest = m.group(g);
                }
            }
            return longest != null ? longest : m.group();
        }
        return null;
    }

    private static String dialString(JsonNode gateway, String number) {
        String route = CallerIds.text(gateway.path("route"));
        if (route != null) {
            return route;
        }
        int port = gateway.path("port").asInt(5060);
        return "sip:" + gateway.path("prefix").asString("") + number + gateway.path("suffix").asString("") + "@"
                + gateway.path("server").asString("") + (port == 5060 ? "" : ":" + port);
    }
}
