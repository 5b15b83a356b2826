import type { JsonSchema } from '../../forms/jsonSchema';

/**
 * Which collections a document's id fields point into, by dotted path (`music_on_hold.media_id`, `users.[]` for
 * the items of an array). The server's entity schemas do not all carry `x-ref` yet; the pages add what they know,
 * and a schema's own `x-ref` always wins.
 */
export type RefHints = Record<string, string | string[]>;

/** Words for fields whose key reads badly (`cid_rules`), or for the items of a list (`gateways.[]` → "Gateway"). */
export type TitleHints = Record<string, string>;

export function withRefs(schema: JsonSchema, hints: RefHints): JsonSchema {
  let out = schema;
  for (const [path, collections] of Object.entries(hints)) {
    out = annotate(out, path.split('.'), (s) => (s['x-ref'] ? s : { ...s, 'x-ref': collections }));
  }
  return out;
}

/** Titles for the fields named; `$ref`s into the schema's definitions are followed, so shared items get theirs. */
export function withTitles(schema: JsonSchema, hints: TitleHints): JsonSchema {
  let out = schema;
  for (const [path, title] of Object.entries(hints)) {
    out = annotate(out, path.split('.'), (s) => ({ ...s, title }), out);
  }
  return out;
}

function annotate(schema: JsonSchema, parts: string[], change: (s: JsonSchema) => JsonSchema, root?: JsonSchema): JsonSchema {
  const [head, ...rest] = parts;
  if (head === undefined) return change(inline(schema, root));
  if (head === '[]') {
    return schema.items ? { ...schema, items: annotate(inline(schema.items, root), rest, change, root) } : schema;
  }
  const prop = schema.properties?.[head];
  if (!prop) return schema;
  return { ...schema, properties: { ...schema.properties, [head]: annotate(prop, rest, change, root) } };
}

/** A local `$ref` replaced by what it points at, so an annotation lands on this use and not on the definition. */
function inline(schema: JsonSchema, root: JsonSchema | undefined): JsonSchema {
  if (!root || !schema.$ref?.startsWith('#/')) return schema;
  const target = schema.$ref.slice(2).split('/').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), root);
  if (!target || typeof target !== 'object') return schema;
  const { $ref: _ref, ...own } = schema;
  return { ...(target as JsonSchema), ...own };
}
