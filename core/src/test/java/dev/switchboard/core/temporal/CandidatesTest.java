package dev.switchboard.core.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.doc.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class CandidatesTest {
    private static final Map<String, String> DOCUMENTS = Map.of(
            "holidays", """
                    {"name": "Holidays", "temporal_rules": ["xmas", "new-year"]}""",
            "lunch", """
                    {"name": "Lunch", "cycle": "daily"}""",
            "weekdays", """
                    {"name": "Weekdays", "cycle": "weekly"}""",
            "weekend-set", """
                    {"name": "Weekend", "temporal_rules": ["saturday", "sunday"]}""");

    @Test
    void rulesThenChildKeysThenTheRuleSet() {
        ObjectNode data = (ObjectNode) Json.parse("""
                {"rules": ["lunch"], "rule_set": "weekend-set"}""");

        List<Candidate> candidates = Candidates.of(data, List.of("weekdays", "_", "lunch"), CandidatesTest::load);

        assertThat(candidates).containsExactly(
                new Candidate("lunch", "lunch"),
                new Candidate("weekdays", "weekdays"),
                new Candidate("lunch", "lunch"),
                new Candidate("saturday", "rule_set"),
                new Candidate("sunday", "rule_set"));
    }

    @Test
    void aSetNamedByARuleOrAChildKeyStandsForItsRules() {
        ObjectNode data = (ObjectNode) Json.parse("""
                {"rules": ["holidays"]}""");

        List<Candidate> candidates = Candidates.of(data, List.of("weekend-set"), CandidatesTest::load);

        assertThat(candidates).containsExactly(
                new Candidate("xmas", "holidays"),
                new Candidate("new-year", "holidays"),
                new Candidate("saturday", "weekend-set"),
                new Candidate("sunday", "weekend-set"));
    }

    @Test
    void unknownIdsStayForTheEvaluatorToSkip() {
        ObjectNode data = (ObjectNode) Json.parse("""
                {"rules": ["gone"], "rule_set": "missing-set"}""");

        assertThat(Candidates.of(data, List.of(), CandidatesTest::load)).containsExactly(new Candidate("gone", "gone"));
    }

    private static Optional<ObjectNode> load(String id) {
        return Optional.ofNullable(DOCUMENTS.get(id)).map(json -> (ObjectNode) Json.parse(json));
    }
}
