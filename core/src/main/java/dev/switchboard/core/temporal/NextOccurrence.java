package dev.switchboard.core.temporal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;

/**
 * KAZOO's {@code next_rule_date} (spec §8.3): the date a rule is next due, counted from a search date. The router
 * searches from yesterday (from today for weekly rules), so a rule is due today exactly when this returns today.
 *
 * <p>The arithmetic is KAZOO's on purpose, quirks included: intervals are counted with truncation toward zero
 * (Java's integer division), days beyond a month's length overflow into the next month, a monthly "fifth" spills
 * into the next month, and {@code days} are read in document order. Where KAZOO crashes or loops we return a sane
 * answer instead; each such case is listed in {@code docs/compatibility.md}.
 */
public final class NextOccurrence {
    /** The Gregorian calendar repeats every 400 years: a yearly search that finds nothing in them never will. */
    private static final int CALENDAR_CYCLE_YEARS = 400;

    private NextOccurrence() {
    }

    /**
     * Empty when the rule can never be due: unknown cycle or ordinal, no weekday, interval below 1, month outside
     * 1..12, or a yearly n-th weekday that its month never has in the years the interval visits.
     */
    public static Optional<LocalDate> next(TemporalRule rule, LocalDate from) {
        if (rule.cycle() == null || rule.interval() < 1) {
            return Optional.empty();
        }
        return switch (rule.cycle()) {
            case DATE -> Optional.of(rule.start());
            case DAILY -> Optional.of(daily(rule, from));
            case WEEKLY -> weekly(rule, from);
            case MONTHLY -> rule.days().isEmpty()
                    ? earliest(rule, wday -> Optional.of(monthlyOrdinal(rule, from, wday)))
                    : Optional.of(monthlyDays(rule, from));
            case YEARLY -> rule.month() < 1 || rule.month() > 12 ? Optional.empty()
                    : rule.days().isEmpty()
                    ? earliest(rule, wday -> yearlyOrdinal(rule, from, wday))
                    : Optional.of(yearlyDays(rule, from));
        };
    }

    private static LocalDate daily(TemporalRule rule, LocalDate from) {
        int interval = rule.interval();
        long elapsed = ChronoUnit.DAYS.between(rule.start(), from);
        return rule.start().plusDays(elapsed / interval * interval + interval);
    }

    private static Optional<LocalDate> weekly(TemporalRule rule, LocalDate from) {
        if (rule.wdays().isEmpty()) {
            return Optional.empty();
        }
        int interval = rule.interval();
        long distance = Math.abs(ChronoUnit.WEEKS.between(monday(rule.start()), monday(from)));
        long offset = distance / interval * interval;
        Optional<DayOfWeek> laterThisWeek = rule.wdays().stream()
                .filter(wday -> wday.compareTo(from.getDayOfWeek()) >= 0)
                .findFirst();
        if (distance == offset && laterThisWeek.isPresent()) {
            return from.isBefore(rule.start())
                    ? weekly(rule, rule.start())
                    : Optional.of(from.with(TemporalAdjusters.nextOrSame(laterThisWeek.get())));
        }
        LocalDate nextActiveWeek = monday(rule.start()).plusWeeks(offset + interval);
        return Optional.of(nextActiveWeek.with(TemporalAdjusters.nextOrSame(rule.wdays().getFirst())));
    }

    private static LocalDate monthlyDays(TemporalRule rule, LocalDate from) {
        int interval = rule.interval();
        int distance = monthsBetween(rule.start(), from);
        int offset = distance / interval * interval;
        Optional<Integer> laterThisMonth = rule.days().stream().filter(day -> day > from.getDayOfMonth()).findFirst();
        if (distance == offset && laterThisMonth.isPresent()) {
            return overflowing(startMonth(rule).plusMonths(offset), laterThisMonth.get());
        }
        return overflowing(startMonth(rule).plusMonths(offset + interval), rule.days().getFirst());
    }

    private static LocalDate monthlyOrdinal(TemporalRule rule, LocalDate from, DayOfWeek wday) {
        int interval = rule.interval();
        int distance = monthsBetween(rule.start(), from);
        int offset = distance / interval * interval;
        YearMonth thisMonth = YearMonth.from(from);
        YearMonth nextActive = startMonth(rule).plusMonths(offset + interval);
        int today = from.getDayOfMonth();
        boolean active = distance == offset;
        return switch (rule.ordinal()) {
            case EVERY -> {
                LocalDate following = from.with(TemporalAdjusters.next(wday));
                yield active && (YearMonth.from(following).equals(thisMonth) || interval == 1)
                        ? following : nth(nextActive, wday, 0);
            }
            case LAST -> {
                LocalDate last = last(thisMonth, wday);
                yield active && today < last.getDayOfMonth() ? last : last(nextActive, wday);
            }
            default -> {
                LocalDate nth = nth(thisMonth, wday, rule.ordinal().ordinal());
                int month = from.getMonthValue();
                boolean ahead = interval > 1
                        ? nth.getMonthValue() == month && today < nth.getDayOfMonth()
                        : today < nth.getDayOfMonth() || month < nth.getMonthValue();
                yield active && ahead ? nth : nth(nextActive, wday, rule.ordinal().ordinal());
            }
        };
    }

    private static LocalDate yearlyDays(TemporalRule rule, LocalDate from) {
        int interval = rule.interval();
        int distance = from.getYear() - rule.start().getYear();
        int offset = distance / interval * interval;
        YearMonth thisYears = YearMonth.of(from.getYear(), rule.month());
        YearMonth nextActive = YearMonth.of(rule.start().getYear() + offset + interval, rule.month());
        int first = rule.days().getFirst();
        if (distance != offset || from.getMonthValue() > rule.month()) {
            return overflowing(nextActive, first);
        }
        if (from.getMonthValue() < rule.month()) {
            return overflowing(thisYears, first);
        }
        return rule.days().stream()
                .dropWhile(day -> day <= from.getDayOfMonth())
                .findFirst()
                .map(day -> overflowing(thisYears, day))
                .orElse(overflowing(nextActive, first));
    }

    private static Optional<LocalDate> yearlyOrdinal(TemporalRule rule, LocalDate from, DayOfWeek wday) {
        int interval = rule.interval();
        int distance = from.getYear() - rule.start().getYear();
        int offset = distance / interval * interval;
        YearMonth target = YearMonth.of(from.getYear(), rule.month());
        int nextYear = rule.start().getYear() + offset + interval;
        int month = from.getMonthValue();
        int today = from.getDayOfMonth();
        if (distance == offset && month <= rule.month()) {
            Optional<LocalDate> thisYears = switch (rule.ordinal()) {
                // KAZOO looks for the weekday after the search day *inside the target month*; when that day does
                // not exist there (the 31st against April) it crashes, and the plain answer is the month's first.
                case EVERY -> Optional.of(today > target.lengthOfMonth()
                        ? nth(target, wday, 0) : target.atDay(today).with(TemporalAdjusters.next(wday)));
                case LAST -> Optional.of(last(target, wday));
                default -> Optional.of(nth(target, wday, rule.ordinal().ordinal()));
            };
            Optional<LocalDate> ahead = thisYears.filter(date -> YearMonth.from(date).equals(target)
                    && (month < rule.month() || today < date.getDayOfMonth()));
            if (ahead.isPresent()) {
                return ahead;
            }
        }
        return switch (rule.ordinal()) {
            case EVERY -> Optional.of(nth(YearMonth.of(nextYear, rule.month()), wday, 0));
            case LAST -> Optional.of(last(YearMonth.of(nextYear, rule.month()), wday));
            default -> nthInLaterYear(rule, nextYear, wday);
        };
    }

    /** Unlike monthly rules, yearly ones skip the years where the month lacks the n-th weekday. */
    private static Optional<LocalDate> nthInLaterYear(TemporalRule rule, int firstYear, DayOfWeek wday) {
        for (int k = 0; k < CALENDAR_CYCLE_YEARS; k++) {
            YearMonth candidate = YearMonth.of(firstYear + k * rule.interval(), rule.month());
            LocalDate nth = nth(candidate, wday, rule.ordinal().ordinal());
            if (YearMonth.from(nth).equals(candidate)) {
                return Optional.of(nth);
            }
        }
        return Optional.empty();
    }

    /** KAZOO takes a single weekday here and crashes on more; we read several as "any of them". */
    private static Optional<LocalDate> earliest(TemporalRule rule,
                                                Function<DayOfWeek, Optional<LocalDate>> perWeekday) {
        if (rule.ordinal() == null) {
            return Optional.empty();
        }
        return rule.wdays().stream()
                .map(perWeekday)
                .flatMap(Optional::stream)
                .min(Comparator.naturalOrder());
    }

    /** The n-th (0-based) weekday of a month; a fifth that the month lacks lands in the next month. */
    private static LocalDate nth(YearMonth month, DayOfWeek wday, int n) {
        return month.atDay(1).with(TemporalAdjusters.nextOrSame(wday)).plusWeeks(n);
    }

    private static LocalDate last(YearMonth month, DayOfWeek wday) {
        return month.atEndOfMonth().with(TemporalAdjusters.previousOrSame(wday));
    }

    /** KAZOO's normalize: a day past the month's end carries into the following month(s). */
    private static LocalDate overflowing(YearMonth month, int day) {
        return month.atDay(1).plusDays(day - 1L);
    }

    private static YearMonth startMonth(TemporalRule rule) {
        return YearMonth.from(rule.start());
    }

    private static int monthsBetween(LocalDate start, LocalDate from) {
        return (from.getYear() - start.getYear()) * 12 + from.getMonthValue() - start.getMonthValue();
    }

    private static LocalDate monday(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
