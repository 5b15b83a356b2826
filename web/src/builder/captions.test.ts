import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../forms/jsonSchema';
import { caption, referencedIds } from './captions';

const userSchema: JsonSchema = { properties: { id: { type: 'string', 'x-ref': 'users' }, timeout: { type: 'integer' } } };
const ringGroup: JsonSchema = {
  properties: { endpoints: { type: 'array', items: { properties: { id: { type: 'string', 'x-ref': ['devices', 'users', 'groups'] } } } } },
};
const names: Record<string, string> = { u1: 'Alice Smith', d1: 'Desk phone' };
const nameOf = (id: string) => names[id];

describe('node captions', () => {
  it('names the referenced document', () => {
    expect(caption('user', { id: 'u1', timeout: 20 }, userSchema, nameOf)).toBe('Alice Smith');
    expect(caption('user', { id: '0123456789abcdef' }, userSchema, nameOf)).toBe('01234567… (not found)');
    expect(caption('play', { id: 'tone_stream://%(200,0,500)' }, { properties: { id: { 'x-ref': 'media' } } }, nameOf)).toBe('tone_stream://%(200,0,500)');
  });

  it('lists ring group members, and finds ids nested in arrays', () => {
    const data = { endpoints: [{ id: 'u1' }, { id: 'd1' }, { id: 'x' }] };
    expect(caption('ring_group', data, ringGroup, nameOf)).toBe('Alice Smith, Desk phone +1');
    expect(referencedIds(ringGroup, data).map((r) => r.id)).toEqual(['u1', 'd1', 'x']);
  });

  it('falls back to what the data says', () => {
    expect(caption('tts', { text: 'Hello there' }, undefined, nameOf)).toBe('“Hello there”');
    expect(caption('response', { code: 486 }, undefined, nameOf)).toBe('SIP 486');
    expect(caption('conference', {}, undefined, nameOf)).toBe('Caller enters the conference number');
  });
});
