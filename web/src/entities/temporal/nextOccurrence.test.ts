import { describe, expect, it } from 'vitest';
import { dayOf, isoDay, parseIsoDay } from './calendar';
import { nextOccurrence, upcoming } from './nextOccurrence';
import { readRule, type RuleFields } from './rule';

type Vector = { rule: RuleFields & { start_date: string }; from: string; next: string };

/** KAZOO's own next-date expectations, shared with the server's tests (`<repo>/../shared`). */
const files = import.meta.glob<{ cases: Vector[] }>('../../../../../shared/reference/conformance/temporal-next-date.json',
  { eager: true, import: 'default' });
const vectors: Vector[] = Object.values(files)[0]?.cases ?? [];

const day = (text: string) => parseIsoDay(text)!;

/**
 * KAZOO returns one yearly date unnormalised (2009-02-29, from Feb 29 in a common year) and normalises it only when it
 * routes; the expectation is normalised the same way (a day past the month's end carries on), as the server's test does.
 */
const normalised = (text: string) => {
  const [y, m, d] = text.split('-').map(Number);
  return isoDay(dayOf(y, m, 1) + d - 1);
};
const rule = (fields: RuleFields & { start_date: string }) => readRule(fields, day(fields.start_date));

describe('nextOccurrence against the conformance vectors', () => {
  it('has the vectors to check', () => {
    expect(vectors.length).toBeGreaterThan(700);
  });

  it.each(vectors.map((v, i) => [i, v] as const))('case %i', (_i, v) => {
    const next = nextOccurrence(rule(v.rule), day(v.from));
    expect(next === null ? null : isoDay(next)).toBe(normalised(v.next));
  });
});

describe('upcoming (the preview)', () => {
  const starting2024 = (fields: RuleFields) => readRule(fields, day('2024-01-01'));
  const dates = (fields: RuleFields, from: string, n: number) => upcoming(starting2024(fields), day(from), n).map(isoDay);

  it('lists weekdays only for a Monday–Friday rule', () => {
    expect(dates({ cycle: 'weekly', wdays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] }, '2024-03-15', 3))
      .toEqual(['2024-03-15', '2024-03-18', '2024-03-19']);
  });

  it('skips odd weeks of a fortnightly rule', () => {
    expect(dates({ cycle: 'weekly', interval: 2, wdays: ['monday'] }, '2024-01-02', 3))
      .toEqual(['2024-01-15', '2024-01-29', '2024-02-12']);
  });

  it('finds US Thanksgiving (fourth Thursday of November)', () => {
    expect(dates({ cycle: 'yearly', month: 11, ordinal: 'fourth', wdays: ['thursday'] }, '2024-01-01', 2))
      .toEqual(['2024-11-28', '2025-11-27']);
  });

  it('keeps KAZOO’s overflow quirk: day 31 of a 30-day month falls on the 1st of the next', () => {
    expect(dates({ cycle: 'monthly', days: [31] }, '2024-04-02', 2)).toEqual(['2024-05-01', '2024-05-31']);
  });

  it('starts no earlier than the rule’s start date', () => {
    const later = readRule({ cycle: 'daily' }, day('2024-06-10'));
    expect(upcoming(later, day('2024-06-01'), 2).map(isoDay)).toEqual(['2024-06-10', '2024-06-11']);
  });

  it('has no dates when the window closes before it opens', () => {
    expect(dates({ cycle: 'daily', time_window_start: 7200, time_window_stop: 3600 }, '2024-01-01', 3)).toEqual([]);
  });

  it('stops at a rule that can never be due', () => {
    expect(dates({ cycle: 'fortnightly' }, '2024-01-01', 3)).toEqual([]);
  });
});
