import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../../forms/jsonSchema';
import { withRefs, withTitles } from './refs';

const schema: JsonSchema = {
  type: 'object',
  properties: {
    owner_id: { type: 'string' },
    music_on_hold: { type: 'object', properties: { media_id: { type: 'string' } } },
    users: { type: 'array', items: { type: 'string' } },
    already: { type: 'string', 'x-ref': 'devices' },
  },
};

describe('withRefs', () => {
  it('marks top-level, nested and array-item id fields with their collections', () => {
    const out = withRefs(schema, { owner_id: 'users', 'music_on_hold.media_id': 'media', 'users.[]': 'users' });
    expect(out.properties!.owner_id['x-ref']).toBe('users');
    expect(out.properties!.music_on_hold.properties!.media_id['x-ref']).toBe('media');
    expect(out.properties!.users.items!['x-ref']).toBe('users');
  });

  it('keeps the schema’s own x-ref and ignores paths the schema does not have', () => {
    const out = withRefs(schema, { already: 'users', 'missing.field': 'media' });
    expect(out.properties!.already['x-ref']).toBe('devices');
    expect(out.properties!.missing).toBeUndefined();
  });

  it('does not change the schema it was given', () => {
    withRefs(schema, { owner_id: 'users' });
    expect(schema.properties!.owner_id['x-ref']).toBeUndefined();
  });
});

describe('withTitles', () => {
  const carrier: JsonSchema = {
    type: 'object',
    definitions: { gateway: { type: 'object', properties: { server: { type: 'string' } } } },
    properties: {
      cid_rules: { type: 'array', items: { type: 'string' } },
      gateways: { type: 'array', items: { $ref: '#/definitions/gateway' } },
    },
  };

  it('names fields and the items of lists, following references into the definitions', () => {
    const out = withTitles(carrier, { cid_rules: 'Caller-ID rules', 'cid_rules.[]': 'Rule', 'gateways.[]': 'Gateway' });
    expect(out.properties!.cid_rules.title).toBe('Caller-ID rules');
    expect(out.properties!.cid_rules.items!.title).toBe('Rule');
    expect(out.properties!.gateways.items).toEqual({ type: 'object', properties: { server: { type: 'string' } }, title: 'Gateway' });
    expect(carrier.definitions!.gateway.title).toBeUndefined();
  });
});
