import {
  daysInMonth, firstDay, lastDay, monthIndex, monthOf, nextAfter, nextOrSame, parts, previousOrSame, weekday,
  type Day, type MonthIndex,
} from './calendar';
import { ORDINALS, type Rule } from './rule';

/** The Gregorian calendar repeats every 400 years: a yearly search that finds nothing in them never will. */
const CALENDAR_CYCLE_YEARS = 400;
/** How far the preview looks ahead; it covers the longest gap of a realistic rule (a yearly "fifth"). */
const PREVIEW_YEARS = 100;

/**
 * KAZOO's `next_rule_date` (spec §8.3), ported from the server's NextOccurrence with its quirks: intervals counted
 * with truncation toward zero, days past a month's end overflowing into the next month, a monthly "fifth" spilling
 * into the next month, and `days` read in document order. Null when the rule can never be due.
 */
export function nextOccurrence(rule: Rule, from: Day): Day | null {
  if (rule.cycle === null || rule.interval < 1) return null;
  switch (rule.cycle) {
    case 'date': return rule.start;
    case 'daily': return daily(rule, from);
    case 'weekly': return weekly(rule, from);
    case 'monthly': return rule.days.length === 0 ? earliest(rule, (w) => monthlyOrdinal(rule, from, w)) : monthlyDays(rule, from);
    case 'yearly':
      if (rule.month < 1 || rule.month > 12) return null;
      return rule.days.length === 0 ? earliest(rule, (w) => yearlyOrdinal(rule, from, w)) : yearlyDays(rule, from);
  }
}

/**
 * The next `n` dates, from `from` on, on which the rule's schedule opens its window — checked day by day as routing
 * would, so KAZOO's quirks show in the preview. Days before the start are skipped (routing drops the rule until
 * then); `enabled` is not looked at, since it overrides the schedule rather than being part of it.
 */
export function upcoming(rule: Rule, from: Day, n: number): Day[] {
  const dates: Day[] = [];
  if (rule.windowStop < rule.windowStart) return dates;
  const { year, month, date } = parts(from);
  const end = monthIndexDay(monthIndex(year + PREVIEW_YEARS, month), date);
  for (let day = Math.max(from, rule.start); dates.length < n && day < end; day++) {
    const next = nextOccurrence(rule, searchDate(rule, day));
    if (next === null) break;
    if (next === day) dates.push(day);
  }
  return dates;
}

/** KAZOO asks weekly rules for the next date from today, and every other cycle from yesterday. */
export function searchDate(rule: Rule, today: Day): Day {
  return rule.cycle === 'weekly' ? today : today - 1;
}

const trunc = Math.trunc;

function daily(rule: Rule, from: Day): Day {
  const i = rule.interval;
  return rule.start + trunc((from - rule.start) / i) * i + i;
}

function weekly(rule: Rule, from: Day): Day | null {
  if (rule.wdays.length === 0) return null;
  const i = rule.interval;
  const distance = Math.abs((monday(from) - monday(rule.start)) / 7);
  const offset = trunc(distance / i) * i;
  const later = rule.wdays.find((w) => w >= weekday(from));
  if (distance === offset && later !== undefined) {
    return from < rule.start ? weekly(rule, rule.start) : nextOrSame(from, later);
  }
  return nextOrSame(monday(rule.start) + (offset + i) * 7, rule.wdays[0]);
}

function monthlyDays(rule: Rule, from: Day): Day {
  const i = rule.interval;
  const distance = monthOf(from) - monthOf(rule.start);
  const offset = trunc(distance / i) * i;
  const today = parts(from).date;
  const later = rule.days.find((d) => d > today);
  if (distance === offset && later !== undefined) return monthIndexDay(monthOf(rule.start) + offset, later);
  return monthIndexDay(monthOf(rule.start) + offset + i, rule.days[0]);
}

function monthlyOrdinal(rule: Rule, from: Day, wday: number): Day {
  const i = rule.interval;
  const distance = monthOf(from) - monthOf(rule.start);
  const offset = trunc(distance / i) * i;
  const thisMonth = monthOf(from);
  const nextActive = monthOf(rule.start) + offset + i;
  const today = parts(from).date;
  const active = distance === offset;
  switch (rule.ordinal) {
    case 'every': {
      const following = nextAfter(from, wday);
      return active && (monthOf(following) === thisMonth || i === 1) ? following : nth(nextActive, wday, 0);
    }
    case 'last': {
      const last = lastOf(thisMonth, wday);
      return active && today < parts(last).date ? last : lastOf(nextActive, wday);
    }
    default: {
      const n = ORDINALS.indexOf(rule.ordinal!);
      const x = nth(thisMonth, wday, n);
      const month = parts(from).month;
      const ahead = i > 1
        ? parts(x).month === month && today < parts(x).date
        : today < parts(x).date || month < parts(x).month;
      return active && ahead ? x : nth(nextActive, wday, n);
    }
  }
}

function yearlyDays(rule: Rule, from: Day): Day {
  const i = rule.interval;
  const f = parts(from);
  const startYear = parts(rule.start).year;
  const distance = f.year - startYear;
  const offset = trunc(distance / i) * i;
  const thisYears = monthIndex(f.year, rule.month);
  const nextActive = monthIndex(startYear + offset + i, rule.month);
  const first = rule.days[0];
  if (distance !== offset || f.month > rule.month) return monthIndexDay(nextActive, first);
  if (f.month < rule.month) return monthIndexDay(thisYears, first);
  let k = 0;
  while (k < rule.days.length && rule.days[k] <= f.date) k++;
  return k < rule.days.length ? monthIndexDay(thisYears, rule.days[k]) : monthIndexDay(nextActive, first);
}

function yearlyOrdinal(rule: Rule, from: Day, wday: number): Day | null {
  const i = rule.interval;
  const f = parts(from);
  const startYear = parts(rule.start).year;
  const distance = f.year - startYear;
  const offset = trunc(distance / i) * i;
  const target = monthIndex(f.year, rule.month);
  const nextYear = startYear + offset + i;
  if (distance === offset && f.month <= rule.month) {
    let candidate: Day;
    switch (rule.ordinal) {
      // KAZOO looks for the weekday after the search day inside the target month; where that day does not exist
      // there (the 31st against April) it crashes, and the server answers with the month's first instead
      case 'every':
        candidate = f.date > daysInMonth(f.year, rule.month) ? nth(target, wday, 0) : nextAfter(firstDay(target) + f.date - 1, wday);
        break;
      case 'last':
        candidate = lastOf(target, wday);
        break;
      default:
        candidate = nth(target, wday, ORDINALS.indexOf(rule.ordinal!));
    }
    if (monthOf(candidate) === target && (f.month < rule.month || f.date < parts(candidate).date)) return candidate;
  }
  switch (rule.ordinal) {
    case 'every': return nth(monthIndex(nextYear, rule.month), wday, 0);
    case 'last': return lastOf(monthIndex(nextYear, rule.month), wday);
    default: return nthInLaterYear(rule, nextYear, wday);
  }
}

/** Unlike monthly rules, yearly ones skip the years where the month lacks the n-th weekday. */
function nthInLaterYear(rule: Rule, firstYear: number, wday: number): Day | null {
  const n = ORDINALS.indexOf(rule.ordinal!);
  for (let k = 0; k < CALENDAR_CYCLE_YEARS; k++) {
    const candidate = monthIndex(firstYear + k * rule.interval, rule.month);
    const x = nth(candidate, wday, n);
    if (monthOf(x) === candidate) return x;
  }
  return null;
}

/** KAZOO takes a single weekday here and crashes on more; the server reads several as "any of them". */
function earliest(rule: Rule, perWeekday: (wday: number) => Day | null): Day | null {
  if (rule.ordinal === null) return null;
  const all = rule.wdays.map(perWeekday).filter((d): d is Day => d !== null);
  return all.length === 0 ? null : Math.min(...all);
}

/** The n-th (0-based) weekday of a month; a fifth that the month lacks lands in the next month. */
function nth(month: MonthIndex, wday: number, n: number): Day {
  return nextOrSame(firstDay(month), wday) + 7 * n;
}

function lastOf(month: MonthIndex, wday: number): Day {
  return previousOrSame(lastDay(month), wday);
}

/** KAZOO's normalize: a day past the month's end carries into the following month(s). */
function monthIndexDay(month: MonthIndex, date: number): Day {
  return firstDay(month) + date - 1;
}

function monday(day: Day): Day {
  return previousOrSame(day, 1);
}
