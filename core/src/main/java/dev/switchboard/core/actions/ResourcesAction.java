package dev.switchboard.core.actions;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.switchboard.core.call.BridgeRequest;
import dev.switchboard.core.call.BridgeResult;
import dev.switchboard.core.call.CallInfo;
import dev.switchboard.core.call.Party;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.CallOutcome;
import dev.switchboard.core.engine.Next;
import dev.switchboard.core.number.NumberNormalizer;
import tools.jackson.databind.JsonNode;

/**
 * {@code resources} (spec §6.59): send the call out through carriers (see {@link Carriers} for which). Data:
 * {@code use_local_resources} (true: the account's carriers; false: the system's), {@code to_did},
 * {@code do_not_normalize}, {@code bypass_e164}, {@code caller_id_type} (external), {@code timeout} (s, 60),
 * {@code ringback}, {@code ignore_early_media}, {@code outbound_flags}, {@code dynamic_flags},
 * {@code custom_sip_headers} (values may hold {@code {caller_id_number}}, {@code {caller_id_name}},
 * {@code {account_id}}, {@code {owner_id}}, {@code {to_did}}), {@code emit_account_id}. The carriers are tried one
 * after another, cheapest first.
 *
 * <p>Answered → stop. Failed (or no carrier for the number: NO_ROUTE_DESTINATION, sip:404) → the child named after
 * the cause or SIP code; without one the call ends with that cause, and when the "_" child is empty the caller
 * first gets the matching SIP response. This is KAZOO's behaviour, kept on purpose (spec §11.3): the "_" child of
 * resources never runs after a failure, it only suppresses the SIP response; a flow imported from KAZOO behaves as
 * it did there.
 */
public class ResourcesAction implements Action {
    static final int DEFAULT_TIMEOUT = 60;
    private static final Map<String, Integer> SIP_CODES = Map.ofEntries(
            Map.entry("USER_BUSY", 486), Map.entry("NO_ANSWER", 480), Map.entry("NO_USER_RESPONSE", 408),
            Map.entry("CALL_REJECTED", 603), Map.entry("UNALLOCATED_NUMBER", 404),
            Map.entry("NO_ROUTE_DESTINATION", 404), Map.entry("USER_NOT_REGISTERED", 404),
            Map.entry("NUMBER_CHANGED", 410), Map.entry("INVALID_NUMBER_FORMAT", 484),
            Map.entry("NORMAL_TEMPORARY_FAILURE", 503), Map.entry("SWITCH_CONGESTION", 503),
            Map.entry("NORMAL_CIRCUIT_CONGESTION", 503), Map.entry("ORIGINATOR_CANCEL", 487),
            Map.entry("INCOMPATIBLE_DESTINATION", 488), Map.entry("RECOVERY_ON_TIMER_EXPIRE", 504));

    @Override
    public String module() {
        return "resources";
    }

    /** Whether to use the system's carriers instead of the account's. */
    boolean global(JsonNode data) {
        return !data.path("use_local_resources").asBoolean(true);
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        String number = destination(ctx, data);
        Party callerId = CallerIds.of(ctx, data.path("caller_id_type").asString("external"));
        int timeout = EndpointOptions.seconds(data.path("timeout"), DEFAULT_TIMEOUT);
        Carriers.Selection selection = Carriers.select(ctx, global(data), number, callerId, flags(ctx, data),
                headers(ctx, data, number, callerId), timeout);
        BridgeResult result;
        if (selection.legs().isEmpty()) {
            ctx.event("carriers:none:" + number);
            result = BridgeResult.failed("NO_ROUTE_DESTINATION", "sip:404");
        } else {
            Party presented = selection.emergency() ? CallerIds.of(ctx, "emergency") : callerId;
            result = ctx.call().bridge(new BridgeRequest(selection.legs(), "single", timeout,
                    ctx.media(data.path("ringback").asString("")).orElse(null),
                    data.path("ignore_early_media").asBoolean(false), presented,
                    Bridging.failOnSingleReject(ctx, data)));
        }
        if (result.answered()) {
            return Bridging.answered(ctx, result);
        }
        Optional<Next> failure = ctx.bridgeFailure(result);
        if (failure.isPresent()) {
            return failure.get();
        }
        if (!ctx.hasChild("_") && !ctx.call().answered()) {
            int code = sipCode(result);
            ctx.call().respond(code, result.cause());
            ctx.state().outcome(new CallOutcome("responded", String.valueOf(code), null));
        }
        return new Next.Stop(result.cause());
    }

    /**
     * The number the carrier gets: {@code to_did}; else the dialled number as is with {@code do_not_normalize};
     * else through the caller's {@code dial_plan}; else as is with {@code bypass_e164}; else E.164-normalised.
     */
    static String destination(ActionContext ctx, JsonNode data) {
        String forced = CallerIds.text(data.path("to_did"));
        if (forced != null) {
            return forced;
        }
        String raw = requestUser(ctx);
        if (data.path("do_not_normalize").asBoolean(false)) {
            return raw;
        }
        String dialPlanned = dialPlan(ctx, raw);
        if (dialPlanned != null) {
            return dialPlanned;
        }
        return data.path("bypass_e164").asBoolean(false) ? raw : NumberNormalizer.normalize(raw);
    }

    /** The number the call is for: the dialled one, unless an action re-targeted the call (disa). */
    static String requestUser(ActionContext ctx) {
        String retargeted = ctx.state().request();
        return retargeted != null ? retargeted : ctx.call().info().dialled();
    }

    /** The calling endpoint's {@code dial_plan} (device, then user, then account): regex → prefix + match + suffix. */
    private static String dialPlan(ActionContext ctx, String number) {
        CallInfo info = ctx.call().info();
        for (Optional<Document> doc : List.of(ctx.documents().get("device", info.deviceId()),
                ctx.documents().get("user", info.ownerId()), Optional.of(ctx.documents().account()))) {
            JsonNode plan = doc.map(d -> (JsonNode) d.body().path("dial_plan")).orElse(null);
            if (plan == null || !plan.isObject() || plan.isEmpty()) {
                continue;
            }
            for (Map.Entry<String, JsonNode> rule : plan.properties()) {
                String matched = Carriers.firstMatch(Json.array().add(rule.getKey()), number);
                if (matched != null) {
                    return rule.getValue().path("prefix").asString("") + matched
                            + rule.getValue().path("suffix").asString("");
                }
            }
            return null;
        }
        return null;
    }

    /** Flags the carrier must have: the caller's outbound_flags, the data's, and the dynamic ones. */
    private static Set<String> flags(ActionContext ctx, JsonNode data) {
        Set<String> flags = new LinkedHashSet<>();
        CallInfo info = ctx.call().info();
        for (Optional<Document> doc : List.of(Optional.of(ctx.documents().account()),
                ctx.documents().get("user", info.ownerId()), ctx.documents().get("device", info.deviceId()))) {
            doc.ifPresent(d -> {
                JsonNode f = d.body().path("outbound_flags");
                (f.isObject() ? f.path("static") : f).valueStream().forEach(v -> add(flags, v.asString("")));
            });
        }
        data.path("outbound_flags").valueStream().forEach(v -> add(flags, v.asString("")));
        data.path("dynamic_flags").valueStream().forEach(v -> add(flags, callField(ctx, v.asString(""))));
        return flags;
    }

    private static void add(Set<String> flags, String flag) {
        if (flag != null && !flag.isBlank()) {
            flags.add(flag);
        }
    }

    /** A call field named by {@code dynamic_flags}: a channel variable, or a few call-record fields. */
    private static String callField(ActionContext ctx, String name) {
        String field = name.startsWith("custom_channel_vars.") ? name.substring("custom_channel_vars.".length()) : name;
        String variable = ctx.state().variables().get(field);
        if (variable != null) {
            return variable;
        }
        CallInfo info = ctx.call().info();
        return switch (field) {
            case "owner_id" -> info.ownerId();
            case "account_id" -> ctx.accountId();
            case "authorizing_id" -> info.deviceId();
            case "caller_id_number" -> ctx.call().callerId().number();
            case "caller_id_name" -> ctx.call().callerId().name();
            default -> null;
        };
    }

    /** The calling device's outbound headers, the data's {@code custom_sip_headers}, X-Account-ID if asked. */
    private static Map<String, String> headers(ActionContext ctx, JsonNode data, String number, Party callerId) {
        Map<String, String> out = new LinkedHashMap<>();
        ctx.documents().get("device", ctx.call().info().deviceId())
                .ifPresent(d -> out.putAll(outbound(d.body().path("custom_sip_headers"))));
        out.putAll(outbound(data.path("custom_sip_headers")));
        if (data.path("emit_account_id").asBoolean(false)) {
            out.put("X-Account-ID", ctx.accountId());
        }
        Map<String, String> macros = new LinkedHashMap<>();
        macros.put("{caller_id_number}", callerId.number());
        macros.put("{caller_id_name}", callerId.name());
        macros.put("{account_id}", ctx.accountId());
        macros.put("{owner_id}", ctx.call().info().ownerId());
        macros.put("{to_did}", number);
        out.replaceAll((name, value) -> {
            String v = value;
            for (Map.Entry<String, String> m : macros.entrySet()) {
                v = v.replace(m.getKey(), m.getValue() == null ? "" : m.getValue());
            }
            return v;
        });
        return out;
    }

    /** Flat name → value headers, or the {@code out} part of {@code {"in": ..., "out": ...}}. */
    private static Map<String, String> outbound(JsonNode headers) {
        return EndpointOptions.headers(headers.path("out").isObject() ? headers.path("out") : headers);
    }

    /** The SIP response for a failure: KAZOO's default for the cause, else the failure's own code, else 503. */
    static int sipCode(BridgeResult result) {
        Integer byCause = result.cause() == null ? null : SIP_CODES.get(result.cause());
        if (byCause != null) {
            return byCause;
        }
        String code = result.sipCode();
        if (code != null && code.startsWith("sip:")) {
            try {
                int n = Integer.parseInt(code.substring(4));
                if (n >= 400 && n <= 699) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        return 503;
    }
}
