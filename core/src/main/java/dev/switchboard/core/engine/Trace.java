package dev.switchboard.core.engine;

import java.util.ArrayList;
import java.util.List;

/** The steps of one call, in order, and how it ended: the same for a simulated and a real call. */
public final class Trace {
    private final List<Step> steps = new ArrayList<>();
    private CallOutcome outcome;
    private String callflowId;

    void begin(Step step) {
        steps.add(step);
    }

    void next(String key) {
        if (!steps.isEmpty()) {
            steps.set(steps.size() - 1, steps.getLast().withNext(key));
        }
    }

    /** Something the current step did: {@code play:prompt:menu-exit}, {@code collect:12}, {@code bridge:<id>:busy}. */
    public void event(String event) {
        if (!steps.isEmpty()) {
            steps.getLast().events().add(event);
        }
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }

    public CallOutcome outcome() {
        return outcome;
    }

    void outcome(CallOutcome value) {
        outcome = value;
    }

    /** The callflow the call was routed to; null for a draft flow or an unrouted number. */
    public String callflowId() {
        return callflowId;
    }

    void callflowId(String id) {
        callflowId = id;
    }
}
