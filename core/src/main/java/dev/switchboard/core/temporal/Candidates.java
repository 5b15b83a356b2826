package dev.switchboard.core.temporal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a {@code temporal_route} node's rule list (spec §6.72). The order is the routing contract, since the first
 * active rule wins: {@code data.rules} in array order, then the node's child keys in document order, then the rules
 * of {@code data.rule_set}. A rule id or child key that names a rule set stands for the set's rules, each leading to
 * the child named after the set.
 */
public final class Candidates {
    /** The child key KAZOO gives to the rules of {@code data.rule_set}. */
    public static final String RULE_SET = "rule_set";

    private Candidates() {
    }

    /**
     * @param data      the node's {@code data}
     * @param childKeys the node's child keys in document order; {@code "_"} is skipped
     * @param documents loads a document of the account by id
     */
    public static List<Candidate> of(ObjectNode data, List<String> childKeys,
                                     Function<String, Optional<ObjectNode>> documents) {
        List<Candidate> result = new ArrayList<>();
        for (JsonNode id : data.path("rules")) {
            expand(id.asString(), documents, result);
        }
        for (String key : childKeys) {
            if (!"_".equals(key)) {
                expand(key, documents, result);
            }
        }
        String ruleSet = data.path("rule_set").asString("");
        if (!ruleSet.isEmpty()) {
            setRules(ruleSet, documents).forEach(rule -> result.add(new Candidate(rule, RULE_SET)));
        }
        return result;
    }

    private static void expand(String id, Function<String, Optional<ObjectNode>> documents, List<Candidate> result) {
        List<String> rules = setRules(id, documents);
        if (rules.isEmpty()) {
            result.add(new Candidate(id, id));
        } else {
            rules.forEach(rule -> result.add(new Candidate(rule, id)));
        }
    }

    private static List<String> setRules(String id, Function<String, Optional<ObjectNode>> documents) {
        List<String> rules = new ArrayList<>();
        documents.apply(id).ifPresent(doc -> doc.path("temporal_rules").forEach(rule -> rules.add(rule.asString())));
        return rules;
    }
}
