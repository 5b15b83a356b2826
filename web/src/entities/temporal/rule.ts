import { dayInZone, GREGORIAN_UNIX_OFFSET, type Day } from './calendar';

export const CYCLES = ['date', 'daily', 'weekly', 'monthly', 'yearly'] as const;
export type Cycle = (typeof CYCLES)[number];

/** first..fifth come first so that their index is the week offset inside the month. */
export const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'every', 'last'] as const;
export type Ordinal = (typeof ORDINALS)[number];

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/**
 * A temporal_rule document as routing reads it (spec §8.1), KAZOO's defaults applied: the same reading as the
 * server's TemporalRule, so the preview shows what calls will meet.
 */
export type Rule = {
  /** null: missing or unknown, the rule is never due by time */
  cycle: Cycle | null;
  interval: number;
  /** days of the month, in document order (KAZOO does not sort them) */
  days: number[];
  /** ISO weekdays sorted; all seven when the document lists none */
  wdays: number[];
  /** null: an ordinal KAZOO does not know */
  ordinal: Ordinal | null;
  month: number;
  start: Day;
  windowStart: number;
  windowStop: number;
  enabled: boolean | null;
};

export type RuleFields = {
  cycle?: unknown;
  interval?: unknown;
  days?: unknown;
  wdays?: unknown;
  ordinal?: unknown;
  month?: unknown;
  start_date?: unknown;
  time_window_start?: unknown;
  time_window_stop?: unknown;
  enabled?: unknown;
};

/** Reads a document; its start date is taken as a calendar date in the given zone (the account's). */
export function parseRule(doc: RuleFields, timeZone: string | undefined, now: number = Date.now()): Rule {
  return readRule(doc, startDay(doc.start_date, timeZone, now));
}

/** Reads a document whose start is already a calendar date (the conformance vectors write it so). */
export function readRule(doc: Omit<RuleFields, 'start_date'>, start: Day): Rule {
  return {
    cycle: typeof doc.cycle === 'string' && (CYCLES as readonly string[]).includes(doc.cycle) ? (doc.cycle as Cycle) : null,
    interval: integer(doc.interval) ?? 1,
    days: Array.isArray(doc.days) ? doc.days.map(integer).filter((d): d is number => d !== null) : [],
    wdays: wdays(doc.wdays),
    ordinal: ordinal(doc.ordinal),
    month: integer(doc.month) ?? 1,
    start,
    windowStart: integer(doc.time_window_start) ?? 0,
    windowStop: integer(doc.time_window_stop) ?? 86_400,
    enabled: typeof doc.enabled === 'boolean' ? doc.enabled : null,
  };
}

function startDay(value: unknown, timeZone: string | undefined, now: number): Day {
  const seconds = integer(value);
  // without a start KAZOO takes the local wall-clock time as if it were UTC; only interval counting sees it
  return seconds === null ? dayInZone(now, timeZone) : dayInZone((seconds - GREGORIAN_UNIX_OFFSET) * 1000, timeZone);
}

function ordinal(value: unknown): Ordinal | null {
  if (value === undefined || value === null) return 'first';
  return typeof value === 'string' && (ORDINALS as readonly string[]).includes(value) ? (value as Ordinal) : null;
}

/** Unknown names are dropped, so a list of only unknown names leaves the rule without weekdays. */
function wdays(value: unknown): number[] {
  if (!Array.isArray(value) || value.length === 0) return [1, 2, 3, 4, 5, 6, 7];
  const out = new Set<number>();
  for (const name of value) {
    const index = name === 'wensday' ? 2 : WEEKDAYS.indexOf(name as (typeof WEEKDAYS)[number]);
    if (index >= 0) out.add(index + 1);
  }
  return [...out].sort((a, b) => a - b);
}

/** Numbers and numeric strings, as KAZOO's integer getters accept both. */
function integer(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  return null;
}
