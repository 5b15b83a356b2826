import { describe, expect, it } from 'vitest';
import { codeProblem, dialledCode, FEATURE_CODES, featureCallflow } from './catalog';

const feature = (name: string) => FEATURE_CODES.find((f) => f.name === name)!;

describe('feature code callflows', () => {
  it('stores a plain code as a number', () => {
    expect(featureCallflow(feature('call_forward[action=activate]'), '*72')).toEqual({
      name: 'Enable call forwarding',
      numbers: ['*72'],
      featurecode: { name: 'call_forward[action=activate]', number: '72' },
      flow: { module: 'call_forward', data: { action: 'activate' }, children: {} },
    });
  });

  it('stores a code that takes digits as an escaped pattern with a capture group, as KAZOO does', () => {
    const doc = featureCallflow(feature('park_and_retrieve'), '*3');
    expect(doc.patterns).toEqual(['^\\*3([0-9]*)$']);
    expect(new RegExp((doc.patterns as string[])[0]).exec('*3105')?.[1]).toBe('105');
    expect(featureCallflow(feature('voicemail[action="direct"]'), '**').patterns).toEqual(['^\\*\\*([0-9]*)$']);
  });

  it('does not share the catalogue’s data objects with the documents it makes', () => {
    const doc = featureCallflow(feature('valet'), '*4') as { flow: { data: Record<string, unknown> } };
    doc.flow.data.action = 'changed';
    expect(feature('valet').data.action).toBe('park');
  });

  it('reads the dialled code back from numbers, patterns or the featurecode number', () => {
    expect(dialledCode({ numbers: ['*72'] })).toBe('*72');
    expect(dialledCode({ patterns: ['^\\*3([0-9]*)$'] })).toBe('*3');
    expect(dialledCode({ patterns: ['\\*98(\\d+)'] })).toBe('*98');
    expect(dialledCode({ featurecode: { number: '97' } })).toBe('*97');
  });

  it('has one entry per name, and only dialable default codes', () => {
    expect(new Set(FEATURE_CODES.map((f) => f.name)).size).toBe(FEATURE_CODES.length);
    for (const f of FEATURE_CODES) expect(codeProblem(f.code)).toBeNull();
    expect(codeProblem('*7a')).toBe('Use only digits, * and #.');
    expect(codeProblem('')).toBe('Type the code callers dial.');
  });
});
