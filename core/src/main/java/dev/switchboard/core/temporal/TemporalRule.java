package dev.switchboard.core.temporal;

import dev.switchboard.core.doc.Document;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@code temporal_rule} document as the router reads it (spec §7.6, §8.1), with KAZOO's runtime defaults applied.
 *
 * @param cycle       {@code null} when missing or not one of KAZOO's cycles: the rule is then never active by time
 * @param days        days of the month in document order; KAZOO does not sort them and neither do we
 * @param wdays       weekdays sorted Monday to Sunday; all seven when the document lists none, none when it lists
 *                    only unknown names
 * @param ordinal     {@code null} when the document names an ordinal KAZOO does not know
 * @param start       local date of {@code start_date} in the route's time zone
 * @param windowStart seconds after local midnight
 * @param windowStop  seconds after local midnight, inclusive; 86400 reaches 00:00:00 of the next day
 * @param enabled     {@code true} forces the rule active, {@code false} inactive, {@code null} follows the schedule
 */
public record TemporalRule(String id, String name, Cycle cycle, int interval, List<Integer> days,
                           List<DayOfWeek> wdays, Ordinal ordinal, int month, LocalDate start,
                           int windowStart, int windowStop, Boolean enabled) {

    public enum Cycle { DATE, DAILY, WEEKLY, MONTHLY, YEARLY }

    /** FIRST..FIFTH are declared in order so that {@code ordinal()} is the week offset inside the month. */
    public enum Ordinal { FIRST, SECOND, THIRD, FOURTH, FIFTH, EVERY, LAST }

    public TemporalRule {
        days = List.copyOf(days);
        wdays = List.copyOf(wdays);
    }

    /**
     * Reads a rule document. {@code now} only matters for a document without {@code start_date}: KAZOO then takes
     * the local wall-clock time as if it were UTC and converts it to the zone again, and so do we, because the
     * start anchors interval counting.
     */
    public static TemporalRule parse(String id, ObjectNode doc, ZoneId zone, Instant now) {
        return new TemporalRule(id,
                text(doc.path("name")).filter(s -> !s.isEmpty()).orElse("no_name"),
                text(doc.path("cycle")).flatMap(s -> named(Cycle.class, s)).orElse(null),
                integer(doc.path("interval")).orElse(1),
                days(doc.path("days")),
                wdays(doc.path("wdays")),
                ordinal(doc.path("ordinal")),
                integer(doc.path("month")).orElse(1),
                start(doc.path("start_date"), zone, now),
                integer(doc.path("time_window_start")).orElse(0),
                integer(doc.path("time_window_stop")).orElse(86_400),
                doc.path("enabled").isBoolean() ? doc.path("enabled").booleanValue() : null);
    }

    private static Ordinal ordinal(JsonNode ordinal) {
        if (ordinal.isMissingNode() || ordinal.isNull()) {
            return Ordinal.FIRST;
        }
        return text(ordinal).flatMap(s -> named(Ordinal.class, s)).orElse(null);
    }

    private static LocalDate start(JsonNode startDate, ZoneId zone, Instant now) {
        OptionalLong gregorian = startDate.isNull() ? OptionalLong.empty() : startDate.asLongOpt();
        Instant instant = gregorian.isPresent()
                ? Instant.ofEpochSecond(gregorian.getAsLong() - Document.GREGORIAN_UNIX_OFFSET)
                : LocalDateTime.ofInstant(now, zone).toInstant(ZoneOffset.UTC);
        return LocalDate.ofInstant(instant, zone);
    }

    private static List<Integer> days(JsonNode days) {
        List<Integer> result = new ArrayList<>();
        days.forEach(day -> integer(day).ifPresent(result::add));
        return result;
    }

    /** Unknown names are dropped, so a list of only unknown names leaves the rule without weekdays. */
    private static List<DayOfWeek> wdays(JsonNode wdays) {
        if (wdays.isEmpty()) {
            return Arrays.asList(DayOfWeek.values());
        }
        List<DayOfWeek> result = new ArrayList<>();
        wdays.forEach(name -> text(name).flatMap(TemporalRule::weekday).ifPresent(result::add));
        result.sort(Comparator.naturalOrder());
        return result;
    }

    private static Optional<DayOfWeek> weekday(String name) {
        return "wensday".equals(name) ? Optional.of(DayOfWeek.WEDNESDAY) : named(DayOfWeek.class, name);
    }

    private static <E extends Enum<E>> Optional<E> named(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.name().toLowerCase(Locale.ROOT).equals(name))
                .findFirst();
    }

    private static Optional<String> text(JsonNode node) {
        return node.isString() ? Optional.of(node.stringValue()) : Optional.empty();
    }

    /** Numbers and numeric strings, as KAZOO's integer getters accept both. */
    private static OptionalInt integer(JsonNode node) {
        return node.isNull() ? OptionalInt.empty() : node.asIntOpt();
    }
}
