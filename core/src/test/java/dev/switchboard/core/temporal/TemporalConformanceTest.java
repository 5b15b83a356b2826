package dev.switchboard.core.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The next-occurrence vectors of KAZOO's own tests (shared/reference/conformance), replayed one by one. */
class TemporalConformanceTest {

    record Case(ObjectNode rule, LocalDate from, LocalDate next) {
        @Override
        public String toString() {
            String fields = rule.properties().stream()
                    .filter(field -> !field.getKey().equals("start_date"))
                    .map(field -> field.getKey() + "=" + field.getValue())
                    .collect(Collectors.joining(" "));
            return fields + " start=" + rule.path("start_date").asString() + " from=" + from;
        }
    }

    @Test
    void theFileHoldsEveryUpstreamVector() {
        assertThat(cases()).hasSize(717);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void nextOccurrenceIsKazoos(Case c) {
        TemporalRule rule = TemporalRule.parse("rule", asStored(c.rule()), ZoneOffset.UTC, Instant.EPOCH);

        assertThat(NextOccurrence.next(rule, c.from())).as(c.toString()).contains(c.next());
    }

    static List<Case> cases() {
        JsonNode file = Json.parse(read(sharedDir().resolve("reference/conformance/temporal-next-date.json")));
        List<Case> cases = new ArrayList<>();
        for (JsonNode c : file.path("cases")) {
            cases.add(new Case((ObjectNode) c.path("rule"), LocalDate.parse(c.path("from").asString()),
                    normalized(c.path("next").asString())));
        }
        return cases;
    }

    /** The vectors give start_date as a calendar date; documents store Gregorian seconds. */
    private static ObjectNode asStored(ObjectNode rule) {
        ObjectNode doc = rule.deepCopy();
        LocalDate start = LocalDate.parse(rule.path("start_date").asString());
        doc.put("start_date", start.atStartOfDay().toEpochSecond(ZoneOffset.UTC) + Document.GREGORIAN_UNIX_OFFSET);
        return doc;
    }

    /**
     * KAZOO returns one yearly date unnormalised (2009-02-29, from Feb 29 in a common year) and normalises it only when
     * it routes; a LocalDate cannot hold it, so the expectation is normalised the same way (day overflow carries on).
     */
    private static LocalDate normalized(String date) {
        String[] ymd = date.split("-");
        return LocalDate.of(Integer.parseInt(ymd[0]), Integer.parseInt(ymd[1]), 1)
                .plusDays(Integer.parseInt(ymd[2]) - 1L);
    }

    /**
     * {@code shared/} sits beside the repository, here and in CI; {@code -Dswitchboard.shared.dir} overrides it.
     */
    private static Path sharedDir() {
        String configured = System.getProperty("switchboard.shared.dir");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir.getParent() != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.getParent().resolve("shared/reference"))) {
                return dir.getParent().resolve("shared");
            }
        }
        return fail("no shared/reference beside any folder above " + Path.of("").toAbsolutePath());
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
