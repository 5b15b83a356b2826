/**
 * Calendar dates as whole days since 1970-01-01 (no time, no zone), the way the temporal rules count. Months are
 * 1..12 and weekdays ISO: 1 Monday .. 7 Sunday.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;

export function dayOf(year: number, month: number, date: number): Day {
  return Math.floor(Date.UTC(year, month - 1, date) / MS_PER_DAY);
}

export function parts(day: Day): { year: number; month: number; date: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, date: d.getUTCDate() };
}

/** `2011-01-31` → day; anything else → null. */
export function parseIsoDay(text: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? dayOf(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

export function isoDay(day: Day): string {
  const { year, month, date } = parts(day);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

/** ISO weekday: 1970-01-01 was a Thursday (4). */
export function weekday(day: Day): number {
  return (((day + 3) % 7) + 7) % 7 + 1;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A month counted from year 0 (`year * 12 + month - 1`), so adding months is adding numbers. */
export type MonthIndex = number;

export function monthIndex(year: number, month: number): MonthIndex {
  return year * 12 + month - 1;
}

export function monthOf(day: Day): MonthIndex {
  const { year, month } = parts(day);
  return monthIndex(year, month);
}

export function firstDay(index: MonthIndex): Day {
  return dayOf(Math.floor(index / 12), (((index % 12) + 12) % 12) + 1, 1);
}

export function lastDay(index: MonthIndex): Day {
  return firstDay(index + 1) - 1;
}

/** The first day on or after `day` that is `wday`. */
export function nextOrSame(day: Day, wday: number): Day {
  return day + ((wday - weekday(day) + 7) % 7);
}

/** The first day strictly after `day` that is `wday`. */
export function nextAfter(day: Day, wday: number): Day {
  return nextOrSame(day + 1, wday);
}

export function previousOrSame(day: Day, wday: number): Day {
  return day - ((weekday(day) - wday + 7) % 7);
}

/** The calendar date that an instant falls on in a time zone (the account's, for rules and "today"). */
export function dayInZone(epochMs: number, timeZone: string | undefined): Day {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const p = Object.fromEntries(format.formatToParts(new Date(epochMs)).map((x) => [x.type, x.value]));
  return dayOf(Number(p.year), Number(p.month), Number(p.day));
}

/** The instant of local midnight starting `day` in a time zone. */
export function midnightInZone(day: Day, timeZone: string | undefined): number {
  const utcMidnight = day * MS_PER_DAY;
  const offset = zoneOffsetMs(utcMidnight, timeZone);
  const guess = utcMidnight - offset;
  // the offset at the guessed instant can differ across a DST change; one correction settles it
  return utcMidnight - zoneOffsetMs(guess, timeZone);
}

function zoneOffsetMs(epochMs: number, timeZone: string | undefined): number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  });
  const p = Object.fromEntries(format.formatToParts(new Date(epochMs)).map((x) => [x.type, Number(x.value)]));
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/** KAZOO counts time in Gregorian seconds (from year 0); this many lie before 1970. */
export const GREGORIAN_UNIX_OFFSET = 62_167_219_200;
