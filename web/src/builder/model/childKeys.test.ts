import { describe, expect, it } from 'vitest';
import { acceptsChildren, edgeLabel, isKeyed, keyOptions, needsKey } from './childKeys';

describe('child keys', () => {
  const menu = { digits: true, keys: ['timeout', 'max_retries', '_'] };

  it('labels edges in words', () => {
    expect(edgeLabel('menu', '1')).toBe('Press 1');
    expect(edgeLabel('menu', 'timeout')).toBe('Timeout');
    expect(edgeLabel('user', 'USER_BUSY')).toBe('Busy');
    expect(edgeLabel('temporal_route', '_')).toBe('All other times');
    expect(edgeLabel('temporal_route', 'rule1', (id) => (id === 'rule1' ? 'Business hours' : undefined))).toBe('Business hours');
    expect(edgeLabel('user', 'sip:486')).toBe('SIP 486');
    expect(edgeLabel('user', '_', undefined, 1)).toBe('');
  });

  it('offers only the keys a parent can produce and has not used', () => {
    const options = keyOptions('menu', menu, new Set(['1', 'timeout']));
    const keys = options.choices.map((c) => c.key);
    expect(keys).toContain('2');
    expect(keys).toContain('max_retries');
    expect(keys).not.toContain('1');
    expect(keys).not.toContain('timeout');
    expect(keys).not.toContain('USER_BUSY');
    expect(options.freeText?.pattern?.test('101')).toBe(true);
    expect(options.freeText?.pattern?.test('abc')).toBe(false);
  });

  it('offers rules for a time of day, bridge failures for a user, nothing for a terminal action', () => {
    expect(keyOptions('temporal_route', { rule_ids: true, keys: ['rule_set', '_'] }, new Set()).temporalRules).toBe(true);
    expect(keyOptions('user', { bridge_failure: true, keys: ['_'] }, new Set()).choices.map((c) => c.key)).toContain('USER_BUSY');
    expect(acceptsChildren({ keys: [] })).toBe(false);
    expect(acceptsChildren({ keys: ['_'] })).toBe(true);
    expect(isKeyed({ keys: ['_'] })).toBe(false);
    expect(isKeyed(menu)).toBe(true);
  });

  it('takes a user\'s first child as its next step, and asks for a failure branch after that', () => {
    const user = { bridge_failure: true, keys: ['_'] };
    expect(needsKey(user, new Set())).toBe(false);
    expect(needsKey(user, new Set(['_']))).toBe(true);
    expect(needsKey({ keys: ['_'] }, new Set(['_']))).toBe(false);
    expect(needsKey(menu, new Set())).toBe(true);
  });
});
