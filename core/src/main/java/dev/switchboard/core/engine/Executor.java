package dev.switchboard.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchboard.core.call.CallHungUp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Walks a flow on the call's thread (spec §4): launches each node's action, follows the child it asks for,
 * keeps the return stack of branches, and ends the call when the flow ends. Budgets stop runaway flows: at most
 * {@value #MAX_BRANCHES} branches (KAZOO's default) and {@value #MAX_STEPS} nodes per call.
 */
public final class Executor {
    public static final int MAX_BRANCHES = 50;
    public static final int MAX_STEPS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(Executor.class);

    private record Position(ObjectNode node, String path) {
    }

    private final ActionRegistry actions;

    public Executor(ActionRegistry actions) {
        this.actions = actions;
    }

    /** Runs {@code flow} to its end and returns the call's trace. */
    public Trace run(ActionContext ctx, ObjectNode flow) {
        Trace trace = ctx.trace();
        Instant start = ctx.call().now();
        Deque<Position> returns = new ArrayDeque<>();
        Position at = new Position(flow, "flow");
        int branches = MAX_BRANCHES;
        int steps = 0;
        String end = null;
        String cause = null;
        boolean handedOver = false;
        while (at != null) {
            if (at.node().isEmpty()) {
                at = returns.poll();
                continue;
            }
            if (++steps > MAX_STEPS) {
                end = "loop_limit";
                break;
            }
            String module = at.node().path("module").asString("");
            trace.begin(Step.start(Duration.between(start, ctx.call().now()).toMillis(), module, at.path()));
            Next next = launch(ctx, at.node(), module);
            ctx.state().lastModule(module);
            switch (next) {
                case Next.Continue c -> {
                    Position child = child(at, c.key());
                    trace.next(child == null ? null : lastKey(child.path()));
                    at = child != null ? child : returns.poll();
                    if (at != null && ctx.call().hungUp()) {
                        at = null;
                    }
                }
                case Next.Branch b -> {
                    if (branches-- <= 0) {
                        end = "loop_limit";
                        at = null;
                        break;
                    }
                    ObjectNode rest = (ObjectNode) at.node().path("children").get("_");
                    if (rest != null && !rest.isEmpty()) {
                        returns.push(new Position(rest, at.path() + ".children._"));
                    }
                    at = new Position(b.flow(), (b.label() == null ? "branch" : b.label()) + "/flow");
                }
                case Next.Stop s -> {
                    at = ctx.call().hungUp() ? null : returns.poll();
                    if (at == null) {
                        cause = s.cause();
                    }
                }
                case Next.HardStop h -> at = null;
                case Next.Handover h -> {
                    end = h.end();
                    handedOver = true;
                    at = null;
                }
            }
        }
        finish(ctx, end, cause, handedOver);
        return trace;
    }

    private Next launch(ActionContext ctx, ObjectNode node, String module) {
        JsonNode data = node.path("data");
        if (data.path("skip_module").asBoolean(false)) {
            ctx.event("skipped");
            return Next.CONTINUE;
        }
        Action action = actions.find(module).orElse(null);
        if (action == null) {
            ctx.event("unknown_module");
            return Next.CONTINUE;
        }
        ctx.node(node);
        try {
            return action.execute(ctx, data.isObject() ? data : node.objectNode());
        } catch (CallHungUp e) {
            return new Next.HardStop();
        } catch (RuntimeException e) {
            LOG.atWarn().setMessage("action failed; continuing to \"_\"").addKeyValue("module", module)
                    .addKeyValue("account_id", ctx.accountId()).addKeyValue("call_id", ctx.call().info().callId())
                    .setCause(e).log();
            ctx.event("error:" + e.getClass().getSimpleName());
            return Next.CONTINUE;
        }
    }

    /** The child {@code key}, else "_" (spec §4.4); null when neither exists. */
    private static Position child(Position at, String key) {
        JsonNode children = at.node().path("children");
        for (String k : key.equals("_") ? new String[] {"_"} : new String[] {key, "_"}) {
            JsonNode child = children.get(k);
            if (child instanceof ObjectNode object && !object.isEmpty()) {
                return new Position(object, at.path() + ".children." + k);
            }
        }
        return null;
    }

    private static String lastKey(String path) {
        return path.substring(path.lastIndexOf(".children.") + ".children.".length());
    }

    private static void finish(ActionContext ctx, String end, String cause, boolean handedOver) {
        CallState state = ctx.state();
        CallOutcome outcome;
        if (end != null && end.equals("loop_limit")) {
            outcome = new CallOutcome("loop_limit", "LOOP_DETECTED", null);
        } else if (handedOver) {
            CallOutcome set = state.outcome();
            outcome = set != null && set.end().equals(end) ? set : new CallOutcome(end, "NORMAL_CLEARING", null);
        } else if (state.outcome() != null) {
            outcome = state.outcome();
        } else {
            outcome = new CallOutcome("hangup", cause != null ? cause : "NORMAL_CLEARING", null);
        }
        if (!handedOver) {
            if (!ctx.call().hungUp()) {
                ctx.call().hangup(outcome.cause());
            }
            for (Runnable handler : ctx.endHandlers()) {
                try {
                    handler.run();
                } catch (RuntimeException e) {
                    LOG.atWarn().setMessage("end handler failed").setCause(e).log();
                }
            }
        }
        ctx.trace().outcome(outcome);
    }
}
