package dev.switchboard.core.actions;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.switchboard.core.call.DigitRequest;
import dev.switchboard.core.call.Media;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import dev.switchboard.core.temporal.Candidate;
import dev.switchboard.core.temporal.Candidates;
import dev.switchboard.core.temporal.TemporalEvaluator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code temporal_route} (spec §6.72): continue to the child of the first rule active now, in the account's (or
 * the node's) time zone. With {@code action} enable, disable or reset it forces its {@code rules} open, closed or
 * back to their schedule ("close the office now" feature codes); {@code menu} lets the caller choose by key.
 */
public final class TemporalRouteAction implements Action {
    private static final Duration MENU_TIMEOUT = Duration.ofMillis(5000);

    @Override
    public String module() {
        return "temporal_route";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        ObjectNode node = data.isObject() ? (ObjectNode) data : ctx.node().objectNode();
        String action = data.path("action").asString("");
        return switch (action) {
            case "enable" -> mark(ctx, node, Boolean.TRUE, "temporal-marked_enabled");
            case "disable" -> mark(ctx, node, Boolean.FALSE, "temporal-marked_disabled");
            case "reset" -> mark(ctx, node, null, "temporal-marker_reset");
            case "menu" -> menu(ctx, node);
            default -> route(ctx, node);
        };
    }

    private static Next route(ActionContext ctx, ObjectNode data) {
        List<Candidate> candidates = Candidates.of(data, ctx.branchKeys(),
                id -> ctx.documents().get(id).map(Document::body));
        Map<String, ObjectNode> rules = new HashMap<>();
        for (Candidate c : candidates) {
            ctx.documents().get("temporal_rule", c.ruleId()).ifPresent(d -> rules.put(c.ruleId(), d.body()));
        }
        String key = TemporalEvaluator.route(candidates, rules, ctx.timezone(data.path("timezone").asString(null)),
                ctx.call().now());
        ctx.event("temporal:" + key);
        return Next.to(key);
    }

    /** Writes the override on every rule of {@code rules}; null removes it, back to the schedule. */
    private static Next mark(ActionContext ctx, ObjectNode data, Boolean enabled, String prompt) {
        for (JsonNode id : data.path("rules")) {
            Optional<Document> rule = ctx.documents().get("temporal_rule", id.asString());
            if (rule.isEmpty()) {
                continue;
            }
            ObjectNode body = rule.get().body().deepCopy();
            if (enabled == null) {
                body.remove("enabled");
            } else {
                body.put("enabled", enabled);
            }
            ctx.documents().save("temporal_rule", rule.get().id(), body);
            ctx.event("temporal:" + rule.get().id() + ":" + (enabled == null ? "reset" : enabled ? "enabled" : "disabled"));
        }
        ctx.call().answer();
        ctx.call().play(Media.Prompt.of(prompt), "");
        return Next.CONTINUE;
    }

    private static Next menu(ActionContext ctx, ObjectNode data) {
        ctx.call().answer();
        Duration interdigit = Duration.ofMillis(data.path("interdigit_timeout").asLong(2000));
        while (true) {
            var digits = ctx.call().collect(new DigitRequest(List.of(Media.Prompt.of("temporal-menu")), 1, 1,
                    MENU_TIMEOUT, interdigit, ""));
            switch (digits.digits()) {
                case "1" -> {
                    return mark(ctx, data, Boolean.TRUE, "temporal-marked_enabled");
                }
                case "2" -> {
                    return mark(ctx, data, Boolean.FALSE, "temporal-marked_disabled");
                }
                case "3" -> {
                    return mark(ctx, data, null, "temporal-marker_reset");
                }
                case "" -> {
                    return Next.CONTINUE;
                }
                default -> {
                    // any other key repeats the menu, as KAZOO does
                }
            }
        }
    }
}
