package dev.switchboard.core.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.doc.Json;
import dev.switchboard.core.temporal.TemporalRule.Cycle;
import dev.switchboard.core.temporal.TemporalRule.Ordinal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;

class TemporalRuleTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void absentFieldsTakeKazoosRuntimeDefaults() {
        TemporalRule rule = parse("""
                {"cycle": "monthly", "start_date": 62586115200}""", NEW_YORK);

        assertThat(rule.name()).isEqualTo("no_name");
        assertThat(rule.cycle()).isEqualTo(Cycle.MONTHLY);
        assertThat(rule.interval()).isEqualTo(1);
        assertThat(rule.days()).isEmpty();
        assertThat(rule.wdays()).containsExactly(DayOfWeek.values());
        assertThat(rule.ordinal()).isEqualTo(Ordinal.FIRST);
        assertThat(rule.month()).isEqualTo(1);
        assertThat(rule.windowStart()).isZero();
        assertThat(rule.windowStop()).isEqualTo(86_400);
        assertThat(rule.enabled()).isNull();
    }

    @Test
    void weekdaysAreSortedAndDaysKeepTheirOrder() {
        TemporalRule rule = parse("""
                {"cycle": "weekly", "wdays": ["sunday", "wensday", "monday"], "days": [15, 1, "5"]}""", NEW_YORK);

        assertThat(rule.wdays()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.SUNDAY);
        assertThat(rule.days()).containsExactly(15, 1, 5);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"America/New_York, 1983-04-11", "Asia/Tokyo, 1983-04-11", "Pacific/Pago_Pago, 1983-04-10"})
    void theStartIsTheLocalDateOfStartDate(String zone, String date) {
        // 62586115200 is 1983-04-11 08:00 UTC
        TemporalRule rule = parse("""
                {"cycle": "daily", "start_date": 62586115200}""", ZoneId.of(zone));

        assertThat(rule.start()).isEqualTo(LocalDate.parse(date));
    }

    @Test
    void withoutStartDateKazooReadsTheLocalTimeAsUtc() {
        // 01:00 in New York, taken as 01:00 UTC, is still the evening before in New York.
        ObjectNode doc = (ObjectNode) Json.parse("""
                {"cycle": "daily"}""");

        TemporalRule rule = TemporalRule.parse("r", doc, NEW_YORK, Instant.parse("2024-03-15T05:00:00Z"));

        assertThat(rule.start()).isEqualTo(LocalDate.parse("2024-03-14"));
    }

    @Test
    void unknownNamesAreKeptApartFromDefaults() {
        TemporalRule rule = parse("""
                {"cycle": "hourly", "ordinal": "sixth", "wdays": ["funday"], "enabled": "true"}""", NEW_YORK);

        assertThat(rule.cycle()).isNull();
        assertThat(rule.ordinal()).isNull();
        assertThat(rule.wdays()).isEmpty();
        assertThat(rule.enabled()).as("only a JSON boolean forces a rule").isNull();
    }

    @Test
    void enabledIsReadAsABoolean() {
        assertThat(parse("""
                {"enabled": true}""", NEW_YORK).enabled()).isTrue();
        assertThat(parse("""
                {"enabled": false}""", NEW_YORK).enabled()).isFalse();
    }

    private static TemporalRule parse(String json, ZoneId zone) {
        return TemporalRule.parse("r", (ObjectNode) Json.parse(json), zone, Instant.EPOCH);
    }
}
