import { describe, expect, it } from 'vitest';
import { sameNumber, testPattern } from './numbers';

describe('pattern test box', () => {
  it('shows what a pattern captures', () => {
    expect(testPattern('^\\*97(\\d*)$', '*972001')).toEqual({ kind: 'match', whole: '*972001', captured: '2001', groups: ['2001'] });
    expect(testPattern('^\\+?1?(\\d{10})$', '4155550100')).toMatchObject({ kind: 'match', captured: '4155550100' });
  });

  it('says when it does not match, or is not a pattern at all', () => {
    expect(testPattern('^2\\d{3}$', '3001')).toEqual({ kind: 'no-match' });
    expect(testPattern('^(2\\d{3}$', '2001').kind).toBe('invalid');
  });
});

describe('number comparison', () => {
  it('matches the stored E.164 form of a national number, not a longer number that ends alike', () => {
    expect(sameNumber('+14155550100', '4155550100')).toBe(true);
    expect(sameNumber('2001', '2001')).toBe(true);
    expect(sameNumber('12001', '2001')).toBe(false);
    expect(sameNumber('+4915155550100', '55550100')).toBe(false);
  });
});
