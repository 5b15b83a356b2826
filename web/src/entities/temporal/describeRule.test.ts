import { describe, expect, it } from 'vitest';
import { dayOf } from './calendar';
import { describeRule } from './describeRule';
import { readRule, type RuleFields } from './rule';

const say = (fields: RuleFields) => describeRule(readRule(fields, dayOf(2024, 1, 1)), '1 Jan 2024');

describe('describeRule', () => {
  it('says weekdays and office hours', () => {
    expect(say({ cycle: 'weekly', interval: 2, wdays: ['monday', 'wednesday'], time_window_start: 32400, time_window_stop: 61200 }))
      .toBe('Every 2 weeks on Mon and Wed, 09:00–17:00');
  });

  it('says an ordinal weekday of a month', () => {
    expect(say({ cycle: 'yearly', month: 11, ordinal: 'fourth', wdays: ['thursday'] }))
      .toBe('Every year on the fourth Thursday of November, all day');
  });

  it('says days of the month with their suffixes', () => {
    expect(say({ cycle: 'monthly', days: [1, 2, 3, 11, 22] })).toBe('Every month on the 1st, 2nd, 3rd, 11th and 22nd, all day');
  });

  it('says when a rule has no cycle', () => {
    expect(say({})).toBe('No repeat chosen: this rule is never active by time.');
  });
});
