package dev.switchboard.core.sim;

import java.util.List;

import dev.switchboard.core.engine.CallOutcome;
import dev.switchboard.core.engine.Step;

/** What a test call did: the callflow it reached, each step, and how it ended. */
public record SimulationResult(String callflowId, List<Step> steps, CallOutcome outcome) {
}
