import { describe, expect, it } from 'vitest';
import { errorsUnder, pickProperties } from './schemaParts';

describe('schema parts', () => {
  it('keeps only the named properties that exist, and the rest of the schema', () => {
    const picked = pickProperties({ type: 'object', required: ['a'], properties: { a: { type: 'string' }, b: { type: 'integer' } } }, ['a', 'zz']);
    expect(picked).toEqual({ type: 'object', required: ['a'], properties: { a: { type: 'string' } } });
  });

  it('keeps the errors of the named fields and of their insides only', () => {
    const e = (message: string) => [{ code: 'x', message }];
    expect(errorsUnder({ name: e('1'), 'caller_id.external.number': e('2'), caller_idx: e('3'), other: e('4') }, ['name', 'caller_id']))
      .toEqual({ name: e('1'), 'caller_id.external.number': e('2') });
  });
});
