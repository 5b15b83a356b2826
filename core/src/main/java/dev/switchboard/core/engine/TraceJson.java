package dev.switchboard.core.engine;

import java.util.List;

import dev.switchboard.core.doc.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A call's trace as the API shows it, for a simulated and a stored real call alike:
 * {@code {"callflow_id", "steps": [{"t_ms", "module", "path", "next", "events"}], "result": {"end", "cause",
 * "answered_by"?}}}.
 */
public final class TraceJson {
    private TraceJson() {
    }

    public static ObjectNode render(Trace trace) {
        return render(trace.callflowId(), trace.steps(), trace.outcome());
    }

    public static ObjectNode render(String callflowId, List<Step> steps, CallOutcome outcome) {
        ObjectNode out = Json.object();
        out.put("callflow_id", callflowId);
        ArrayNode rows = out.putArray("steps");
        for (Step step : steps) {
            ObjectNode row = rows.addObject().put("t_ms", step.tMs()).put("module", step.module())
                    .put("path", step.path()).put("next", step.next());
            ArrayNode events = row.putArray("events");
            step.events().forEach(events::add);
        }
        if (outcome != null) {
            ObjectNode end = out.putObject("result").put("end", outcome.end()).put("cause", outcome.cause());
            if (outcome.answeredBy() != null) {
                end.put("answered_by", outcome.answeredBy());
            }
        }
        return out;
    }
}
