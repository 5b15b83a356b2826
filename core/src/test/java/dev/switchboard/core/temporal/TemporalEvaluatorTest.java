package dev.switchboard.core.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

class TemporalEvaluatorTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private static final String MONDAY_TO_FRIDAY = """
            {"cycle": "weekly", "wdays": ["monday", "tuesday", "wednesday", "thursday", "friday"]}""";
    /** Monday to Friday, 09:00–17:00. */
    private static final String OFFICE_HOURS = """
            {"cycle": "weekly", "wdays": ["monday", "tuesday", "wednesday", "thursday", "friday"],
             "time_window_start": 32400, "time_window_stop": 61200}""";
    private static final String CHRISTMAS = """
            {"cycle": "yearly", "month": 12, "days": [25]}""";
    private static final String EVERY_MONDAY_IN_APRIL = """
            {"cycle": "yearly", "month": 4, "ordinal": "every", "wdays": ["monday"]}""";

    // ------------------------------------------------------------------------------------------ spec §8.5

    static Stream<Arguments> workedExamples() {
        return Stream.of(
                argumentSet("weekly Mon–Fri on a Friday", MONDAY_TO_FRIDAY, "2024-03-15", true),
                argumentSet("weekly Mon–Fri on a Saturday", MONDAY_TO_FRIDAY, "2024-03-16", false),
                argumentSet("every other Monday, odd week", biweeklyMondays(), "2024-01-08", false),
                argumentSet("every other Monday, even week", biweeklyMondays(), "2024-01-15", true),
                argumentSet("US Thanksgiving", """
                        {"cycle": "yearly", "month": 11, "ordinal": "fourth", "wdays": ["thursday"]}""",
                        "2024-11-28", true),
                argumentSet("Christmas", CHRISTMAS, "2024-12-25", true),
                argumentSet("monthly last Monday", """
                        {"cycle": "monthly", "ordinal": "last", "wdays": ["monday"]}""", "2024-01-29", true),
                argumentSet("monthly day 31 fires on May 1 (quirk)", """
                        {"cycle": "monthly", "days": [31]}""", "2024-05-01", true),
                argumentSet("yearly Feb 29 fires on Mar 1 of a common year (quirk)", """
                        {"cycle": "yearly", "month": 2, "days": [29]}""", "2023-03-01", true),
                argumentSet("daily every 4 days skips its start day (quirk)", """
                        {"cycle": "daily", "interval": 4, "start_date": %d}""".formatted(startOf("2024-03-15")),
                        "2024-03-15", false),
                argumentSet("yearly every Monday in April on Apr 1 (KAZOO crashes; see compatibility.md)",
                        EVERY_MONDAY_IN_APRIL, "2024-04-01", true));
    }

    @ParameterizedTest
    @MethodSource
    void workedExamples(String rule, String today, boolean active) {
        assertThat(isActive(rule, today + "T12:00")).isEqualTo(active);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"08:59:59, false", "09:00:00, true", "16:59:59, true", "17:00:00, true", "17:00:00.999, true",
            "17:00:01, false"})
    void theWindowIncludesBothEndsToTheSecond(String time, boolean active) {
        assertThat(isActive(OFFICE_HOURS, "2024-03-15T" + time)).isEqualTo(active);
    }

    // ------------------------------------------------------------------------------------------ windows

    @Test
    void aStopOf86400ReachesMidnight() {
        String fridays = """
                {"cycle": "weekly", "wdays": ["friday"], "time_window_stop": 86400}""";
        assertThat(isActive(fridays, "2024-03-15T00:00:00")).isTrue();
        assertThat(isActive(fridays, "2024-03-15T23:59:59")).isTrue();
        assertThat(isActive(fridays, "2024-03-16T00:00:00")).isFalse();

        // A date rule keeps its occurrence after the day, so its window reaches the next day's 00:00:00.
        String onThe14th = """
                {"cycle": "date", "start_date": %d}""".formatted(startOf("2024-03-14"));
        assertThat(isActive(onThe14th, "2024-03-14T23:59:59")).isTrue();
        assertThat(isActive(onThe14th, "2024-03-15T00:00:00")).isTrue();
        assertThat(isActive(onThe14th, "2024-03-15T00:00:01")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"23:00", "05:00", "12:00"})
    void aWindowCannotWrapMidnight(String time) {
        String overnight = """
                {"cycle": "daily", "time_window_start": 79200, "time_window_stop": 21600}""";
        assertThat(isActive(overnight, "2024-03-15T" + time)).isFalse();
    }

    // ------------------------------------------------------------------------------------------ the rule list

    @Test
    void theFirstActiveRuleWinsSoHolidaysComeFirst() {
        Map<String, String> rules = new LinkedHashMap<>();
        rules.put("holiday", CHRISTMAS);
        rules.put("weekdays", OFFICE_HOURS);

        assertThat(route(List.of("holiday", "weekdays"), rules, "2024-12-25T10:00")).isEqualTo("holiday");
        assertThat(route(List.of("holiday", "weekdays"), rules, "2024-12-24T10:00")).isEqualTo("weekdays");
        assertThat(route(List.of("holiday", "weekdays"), rules, "2024-12-24T20:00")).isEqualTo("_");
        assertThat(route(List.of("weekdays", "holiday"), rules, "2024-12-25T10:00")).isEqualTo("weekdays");
    }

    @Test
    void enabledForcesARuleOpenOrClosed() {
        assertThat(isActive("""
                {"cycle": "weekly", "wdays": ["sunday"], "enabled": true}""", "2024-03-15T03:00")).isTrue();
        assertThat(isActive("""
                {"enabled": true}""", "2024-03-15T03:00")).as("forced before the cycle is looked at").isTrue();
        assertThat(isActive("""
                {"cycle": "daily", "enabled": false}""", "2024-03-15T12:00")).isFalse();
    }

    @Test
    void aForcedRuleWinsOnlyWhenNoEarlierRuleMatched() {
        Map<String, String> rules = Map.of(
                "weekdays", OFFICE_HOURS,
                "closed", """
                        {"cycle": "daily", "enabled": false}""",
                "forced", """
                        {"cycle": "weekly", "wdays": ["sunday"], "enabled": true}""");

        assertThat(route(List.of("weekdays", "forced"), rules, "2024-03-15T10:00")).isEqualTo("weekdays");
        assertThat(route(List.of("weekdays", "forced"), rules, "2024-03-16T10:00")).isEqualTo("forced");
        assertThat(route(List.of("closed", "forced"), rules, "2024-03-15T10:00")).isEqualTo("forced");
    }

    @Test
    void aRuleStartingInTheFutureIsIgnoredEvenWhenForced() {
        long tomorrow = startOf("2024-03-16");
        assertThat(isActive("""
                {"cycle": "daily", "start_date": %d}""".formatted(tomorrow), "2024-03-15T23:59:59")).isFalse();
        assertThat(isActive("""
                {"cycle": "daily", "enabled": true, "start_date": %d}""".formatted(tomorrow), "2024-03-15T12:00"))
                .isFalse();
        assertThat(isActive("""
                {"cycle": "daily", "start_date": %d}""".formatted(startOf("2024-03-15")), "2024-03-15T00:00"))
                .as("a rule starting today is kept").isTrue();
    }

    @Test
    void missingDocumentsAndRulesWithoutCycleAreSkipped() {
        Map<String, String> rules = Map.of("no-cycle", """
                {"name": "no cycle"}""", "weekdays", OFFICE_HOURS);

        assertThat(route(List.of("missing", "no-cycle", "weekdays"), rules, "2024-03-15T10:00"))
                .isEqualTo("weekdays");
    }

    @Test
    void theChildKeyIsTheCandidatesNotTheRuleId() {
        List<Candidate> candidates = List.of(new Candidate("xmas", "holidays"));

        String child = TemporalEvaluator.route(candidates, Map.of("xmas", document(CHRISTMAS)), NEW_YORK,
                at("2024-12-25T10:00", NEW_YORK));

        assertThat(child).isEqualTo("holidays");
    }

    // ------------------------------------------------------------------------------------------ time zones

    @Test
    void theSameInstantIsOpenInNewYorkAndClosedInTokyo() {
        Instant fridayMorningInNewYork = Instant.parse("2024-03-15T14:00:00Z");
        Map<String, ObjectNode> rules = Map.of("open", document(OFFICE_HOURS));
        List<Candidate> candidates = List.of(new Candidate("open", "open"));

        assertThat(TemporalEvaluator.route(candidates, rules, NEW_YORK, fridayMorningInNewYork)).isEqualTo("open");
        assertThat(TemporalEvaluator.route(candidates, rules, TOKYO, fridayMorningInNewYork)).isEqualTo("_");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            // spring forward, 2024-03-10: 09:00 is 13:00Z under EDT (it would be 14:00Z under EST)
            "2024-03-10T12:59:59Z, false", "2024-03-10T13:00:00Z, true",
            // fall back, 2024-11-03: 09:00 is 14:00Z under EST again
            "2024-11-03T13:59:59Z, false", "2024-11-03T14:00:00Z, true"})
    void windowsFollowTheLocalClockOnDstDays(String instant, boolean active) {
        String daily = """
                {"cycle": "daily", "time_window_start": 32400, "time_window_stop": 61200}""";
        assertThat(isActive(daily, Instant.parse(instant))).isEqualTo(active);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            // 02:00–02:59 does not exist on 2024-03-10: 01:59:59 EST is followed by 03:00:00 EDT
            "2024-03-10T06:59:59Z, 7200, 10799, false", "2024-03-10T07:00:00Z, 7200, 10799, false",
            "2024-03-11T06:30:00Z, 7200, 10799, true",
            // 01:00–01:59 happens twice on 2024-11-03, first under EDT then under EST
            "2024-11-03T05:30:00Z, 3600, 7199, true", "2024-11-03T06:30:00Z, 3600, 7199, true",
            "2024-11-03T07:00:00Z, 3600, 7199, false"})
    void aSkippedHourNeverMatchesAndARepeatedOneMatchesTwice(String instant, int start, int stop, boolean active) {
        String window = """
                {"cycle": "daily", "time_window_start": %d, "time_window_stop": %d}""".formatted(start, stop);
        assertThat(isActive(window, Instant.parse(instant))).isEqualTo(active);
    }

    // ------------------------------------------------------------------------------------------ differences

    @Test
    void yearlyEveryWeekdayIsAnsweredWhereKazooCrashes() {
        assertThat(isActive(EVERY_MONDAY_IN_APRIL, "2024-04-01T12:00")).isTrue();
        assertThat(isActive(EVERY_MONDAY_IN_APRIL, "2024-04-08T12:00")).isTrue();
        assertThat(isActive(EVERY_MONDAY_IN_APRIL, "2024-04-02T12:00")).isFalse();

        // KAZOO's crash (search day 31 in April) also skipped every later rule of the list.
        Map<String, String> rules = Map.of("april", EVERY_MONDAY_IN_APRIL, "weekdays", OFFICE_HOURS);
        assertThat(route(List.of("april", "weekdays"), rules, "2024-08-01T10:00")).isEqualTo("weekdays");
    }

    @Test
    void anOrdinalRuleWithSeveralWeekdaysMatchesAnyOfThem() {
        String firstMondayOrTuesday = """
                {"cycle": "monthly", "ordinal": "first", "wdays": ["tuesday", "monday"]}""";

        assertThat(isActive(firstMondayOrTuesday, "2024-03-04T12:00")).isTrue();
        assertThat(isActive(firstMondayOrTuesday, "2024-03-05T12:00")).isTrue();
        assertThat(isActive(firstMondayOrTuesday, "2024-03-11T12:00")).isFalse();
        assertThat(TemporalEvaluator.upcoming(parse(firstMondayOrTuesday), LocalDate.parse("2024-03-01"), 4))
                .containsExactly(LocalDate.parse("2024-03-04"), LocalDate.parse("2024-03-05"),
                        LocalDate.parse("2024-04-01"), LocalDate.parse("2024-04-02"));

        TemporalRule firstOfAnyWeekday = parse("""
                {"cycle": "monthly", "ordinal": "first"}""");
        assertThat(TemporalEvaluator.upcoming(firstOfAnyWeekday, LocalDate.parse("2024-03-01"), 8))
                .containsExactlyElementsOf(Stream.concat(
                        LocalDate.parse("2024-03-01").datesUntil(LocalDate.parse("2024-03-08")),
                        Stream.of(LocalDate.parse("2024-04-01"))).toList());
    }

    @Test
    void aYearlyNthWeekdayThatNeverOccursEndsTheSearch() {
        // Every 400 years from a common year is always a common year: February never has a fifth Monday.
        TemporalRule never = parse("""
                {"cycle": "yearly", "interval": 400, "month": 2, "ordinal": "fifth", "wdays": ["monday"],
                 "start_date": %d}""".formatted(startOf("2023-01-01")));

        assertThat(NextOccurrence.next(never, LocalDate.parse("2024-03-14"))).isEmpty();
        assertThat(TemporalEvaluator.upcoming(never, LocalDate.parse("2024-03-15"), 1)).isEmpty();
    }

    @Test
    void searchingFromBeforeTheStartUsesPlainCalendarArithmetic() {
        // KAZOO computes month -1 of 2011 here and crashes; routing never asks, as the rule is not started yet.
        TemporalRule fifths = parse("""
                {"cycle": "monthly", "days": [5], "start_date": %d}""".formatted(startOf("2011-02-15")));

        assertThat(NextOccurrence.next(fifths, LocalDate.parse("2010-10-10"))).contains(LocalDate.parse("2010-11-05"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"cycle\": \"hourly\"}",
            "{\"cycle\": \"weekly\", \"wdays\": [\"funday\"]}",
            "{\"cycle\": \"daily\", \"interval\": 0}",
            "{\"cycle\": \"monthly\", \"ordinal\": \"sixth\", \"wdays\": [\"friday\"]}",
            "{\"cycle\": \"yearly\", \"month\": 13, \"days\": [15]}"})
    void aMalformedRuleIsNeverActiveAndDoesNotHideTheOthers(String malformed) {
        Map<String, String> rules = Map.of("malformed", malformed, "weekdays", OFFICE_HOURS);

        assertThat(route(List.of("malformed", "weekdays"), rules, "2024-03-15T10:00")).isEqualTo("weekdays");
    }

    // ------------------------------------------------------------------------------------------ preview

    @Test
    void upcomingListsTheDaysTheRuleWillRoute() {
        assertThat(TemporalEvaluator.upcoming(parse(OFFICE_HOURS), LocalDate.parse("2024-03-15"), 3))
                .containsExactly(LocalDate.parse("2024-03-15"), LocalDate.parse("2024-03-18"),
                        LocalDate.parse("2024-03-19"));
        assertThat(TemporalEvaluator.upcoming(parse("""
                {"cycle": "yearly", "month": 11, "ordinal": "fourth", "wdays": ["thursday"]}"""),
                LocalDate.parse("2024-01-01"), 3))
                .containsExactly(LocalDate.parse("2024-11-28"), LocalDate.parse("2025-11-27"),
                        LocalDate.parse("2026-11-26"));
        assertThat(TemporalEvaluator.upcoming(parse("""
                {"cycle": "monthly", "days": [31]}"""), LocalDate.parse("2024-04-01"), 3))
                .as("the quirks show, as they route")
                .containsExactly(LocalDate.parse("2024-05-01"), LocalDate.parse("2024-05-31"),
                        LocalDate.parse("2024-07-01"));
    }

    @Test
    void upcomingStartsWithTheRuleAndIsEmptyForARuleThatCannotMatch() {
        assertThat(TemporalEvaluator.upcoming(parse("""
                {"cycle": "daily", "start_date": %d}""".formatted(startOf("2024-04-01"))),
                LocalDate.parse("2024-03-15"), 2))
                .containsExactly(LocalDate.parse("2024-04-01"), LocalDate.parse("2024-04-02"));
        assertThat(TemporalEvaluator.upcoming(parse("""
                {"cycle": "date", "start_date": %d}""".formatted(startOf("2024-03-14"))),
                LocalDate.parse("2024-03-15"), 1)).isEmpty();
        assertThat(TemporalEvaluator.upcoming(parse("""
                {"cycle": "daily", "time_window_start": 79200, "time_window_stop": 21600}"""),
                LocalDate.parse("2024-03-15"), 1)).isEmpty();
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static boolean isActive(String rule, String newYorkTime) {
        return isActive(rule, at(newYorkTime, NEW_YORK));
    }

    private static boolean isActive(String rule, Instant now) {
        return TemporalEvaluator.route(List.of(new Candidate("rule", "rule")), Map.of("rule", document(rule)),
                NEW_YORK, now).equals("rule");
    }

    /** Routes in New York through candidates whose child keys are the rule ids. */
    private static String route(List<String> order, Map<String, String> rules, String newYorkTime) {
        Map<String, ObjectNode> documents = new LinkedHashMap<>();
        rules.forEach((id, json) -> documents.put(id, document(json)));
        List<Candidate> candidates = order.stream().map(id -> new Candidate(id, id)).toList();
        return TemporalEvaluator.route(candidates, documents, NEW_YORK, at(newYorkTime, NEW_YORK));
    }

    private static TemporalRule parse(String rule) {
        return TemporalRule.parse("rule", document(rule), NEW_YORK, Instant.EPOCH);
    }

    /** A rule as the API stores it: the schema default start_date (1983-04-11) unless the rule sets one. */
    private static ObjectNode document(String json) {
        ObjectNode doc = (ObjectNode) Json.parse(json);
        if (!doc.has("start_date")) {
            doc.put("start_date", 62_586_115_200L);
        }
        return doc;
    }

    private static long startOf(String newYorkDate) {
        return LocalDate.parse(newYorkDate).atStartOfDay(NEW_YORK).toEpochSecond() + Document.GREGORIAN_UNIX_OFFSET;
    }

    private static Instant at(String localTime, ZoneId zone) {
        return LocalDateTime.parse(localTime).atZone(zone).toInstant();
    }

    private static String biweeklyMondays() {
        return """
                {"cycle": "weekly", "interval": 2, "wdays": ["monday"], "start_date": %d}"""
                .formatted(startOf("2024-01-01"));
    }
}
