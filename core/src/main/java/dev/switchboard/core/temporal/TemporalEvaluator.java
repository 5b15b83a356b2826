package dev.switchboard.core.temporal;

import dev.switchboard.core.temporal.TemporalRule.Cycle;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Picks the branch of a {@code temporal_route} (spec §8.1, §8.2): the child of the first rule active now, else
 * {@code "_"}. All comparisons use the wall-clock time of the route's zone, to the second, as KAZOO does.
 */
public final class TemporalEvaluator {
    public static final String DEFAULT_CHILD = "_";

    /** How far {@link #upcoming} looks ahead; it covers the longest gap of a realistic rule (a yearly "fifth"). */
    private static final int PREVIEW_YEARS = 100;

    private TemporalEvaluator() {
    }

    /**
     * @param candidates the rule list in routing order (see {@link Candidates})
     * @param rules      rule documents by id; a candidate whose document is missing is skipped
     */
    public static String route(List<Candidate> candidates, Map<String, ObjectNode> rules, ZoneId zone, Instant now) {
        LocalDateTime localNow = LocalDateTime.ofInstant(now, zone).truncatedTo(ChronoUnit.SECONDS);
        for (Candidate candidate : candidates) {
            ObjectNode doc = rules.get(candidate.ruleId());
            if (doc == null) {
                continue;
            }
            TemporalRule rule = TemporalRule.parse(candidate.ruleId(), doc, zone, now);
            // KAZOO drops rules that start in the future before it looks at enabled, so they cannot be forced.
            if (rule.start().atStartOfDay().isAfter(localNow) || Boolean.FALSE.equals(rule.enabled())) {
                continue;
            }
            if (Boolean.TRUE.equals(rule.enabled()) || isScheduled(rule, localNow)) {
                return candidate.childKey();
            }
        }
        return DEFAULT_CHILD;
    }

    /**
     * Whether the rule's schedule covers this local time, ignoring {@code enabled}: now lies in the window (both ends
     * included) of the occurrence found from the search date. In practice that occurrence must be today, so a window
     * whose stop precedes its start never matches, and a stop of 86400 reaches 00:00:00 of the next day.
     */
    public static boolean isScheduled(TemporalRule rule, LocalDateTime localNow) {
        Optional<LocalDate> base = NextOccurrence.next(rule, searchDate(rule, localNow.toLocalDate()));
        if (base.isEmpty()) {
            return false;
        }
        LocalDateTime midnight = base.get().atStartOfDay();
        return !localNow.isBefore(midnight.plusSeconds(rule.windowStart()))
                && !localNow.isAfter(midnight.plusSeconds(rule.windowStop()));
    }

    /**
     * The next {@code n} dates, from {@code from} on, on which the rule's schedule opens its window, looking
     * {@value #PREVIEW_YEARS} years ahead. Days before the rule's start are skipped, as routing discards the rule
     * until then; {@code enabled} is ignored, since it overrides the schedule rather than being part of it.
     */
    public static List<LocalDate> upcoming(TemporalRule rule, LocalDate from, int n) {
        List<LocalDate> dates = new ArrayList<>();
        if (rule.windowStop() < rule.windowStart()) {
            return dates;
        }
        LocalDate end = from.plusYears(PREVIEW_YEARS);
        for (LocalDate day = from.isBefore(rule.start()) ? rule.start() : from;
             dates.size() < n && day.isBefore(end); day = day.plusDays(1)) {
            // Checking each day as routing would keeps KAZOO's quirks in the preview; jumping from one next()
            // to the following could skip or invent days.
            Optional<LocalDate> next = NextOccurrence.next(rule, searchDate(rule, day));
            if (next.isEmpty()) {
                break; // the rule can never be due, today or later
            }
            if (next.get().equals(day)) {
                dates.add(day);
            }
        }
        return dates;
    }

    /** KAZOO asks weekly rules for the next date from today, and every other cycle from yesterday. */
    private static LocalDate searchDate(TemporalRule rule, LocalDate today) {
        return rule.cycle() == Cycle.WEEKLY ? today : today.minusDays(1);
    }
}
