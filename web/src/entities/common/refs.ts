import type { JsonSchema } from '../../forms/jsonSchema';

/**
 * Which collections a document's id fields point into, by dotted path (`music_on_hold.media_id`, `users.[]` for
 * the items of an array). The server's entity schemas do not all carry `x-ref` yet; the pages add what they know,
 * and a schema's own `x-ref` always wins.
 */
export type RefHints = Record<string, string | string[]>;

export function withRefs(schema: JsonSchema, hints: RefHints): JsonSchema {
  let out = schema;
  for (const [path, collections] of Object.entries(hints)) {
    out = annotate(out, path.split('.'), collections);
  }
  return out;
}

function annotate(schema: JsonSchema, parts: string[], collections: string | string[]): JsonSchema {
  const [head, ...rest] = parts;
  if (head === undefined) return schema['x-ref'] ? schema : { ...schema, 'x-ref': collections };
  if (head === '[]') {
    return schema.items ? { ...schema, items: annotate(schema.items, rest, collections) } : schema;
  }
  const prop = schema.properties?.[head];
  if (!prop) return schema;
  return { ...schema, properties: { ...schema.properties, [head]: annotate(prop, rest, collections) } };
}
