package dev.switchboard.core.temporal;

/** One entry of a {@code temporal_route}'s ordered rule list: the rule document to test and the child it selects. */
public record Candidate(String ruleId, String childKey) {
}
