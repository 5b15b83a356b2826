import { describe, expect, it } from 'vitest';
import { buildUrl } from '../api/client';
import { formatNumber, listingQuery } from './listing';

describe('callflow listing filters', () => {
  it('keeps feature codes apart, and system callflows behind the toggle', () => {
    expect(listingQuery('featurecodes', false)).toEqual({ has_key: 'featurecode.name' });
    const url = buildUrl('/accounts/a/callflows', listingQuery('callflows', false));
    expect(url).toContain('key_missing=featurecode.name');
    expect(url).toContain('filter_not_numbers=no_match');
    expect(url).toContain('filter_not_ui_metadata.origin=voip&filter_not_ui_metadata.origin=callqueues');
    expect(buildUrl('/x', listingQuery('callflows', true))).toBe('/v2/x?key_missing=featurecode.name');
  });

  it('reads numbers as people do', () => {
    expect(formatNumber('+14155550100')).toBe('+1 415 555 0100');
    expect(formatNumber('no_match')).toBe('Catch-all');
    expect(formatNumber('2001')).toBe('2001');
  });
});
