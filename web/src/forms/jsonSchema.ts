/** The parts of JSON Schema (draft 7) the forms read, plus Switchboard's annotations. */
export type JsonSchema = {
  $id?: string;
  $ref?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  definitions?: Record<string, JsonSchema>;
  /** The collection(s) a string field holds an id of. */
  'x-ref'?: string | string[];
  /** The child keys a callflow module can produce. */
  'x-children'?: XChildren;
  /** The palette category of a callflow module. */
  'x-category'?: string;
};

export type XChildren = {
  keys?: string[];
  digits?: boolean;
  rule_ids?: boolean;
  bridge_failure?: boolean;
  values?: boolean;
  capture_group?: boolean;
  integer_thresholds?: boolean;
  caller_id_numbers?: boolean;
  slot_numbers?: boolean;
};

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The type to edit a value as: the value's own when the schema allows several, else the schema's first. */
export function effectiveType(schema: JsonSchema, value: unknown): string | undefined {
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length <= 1) {
    if (types[0]) return types[0];
    if (schema.properties) return 'object';
    if (schema.enum) return typeof schema.enum[0] === 'number' ? 'number' : 'string';
    return undefined;
  }
  const actual = value === undefined ? undefined
    : Array.isArray(value) ? 'array' : value === null ? 'null'
    : typeof value === 'number' ? (Number.isInteger(value) && types.includes('integer') ? 'integer' : 'number')
    : typeof value;
  return actual && types.includes(actual) ? actual : types.find((t) => t !== 'null');
}

/** Words for a property: its title, or its key with the underscores gone (`max_retries` → `Max retries`). */
export function fieldLabel(key: string, schema: JsonSchema): string {
  if (schema.title && schema.title !== key) return schema.title;
  const words = key.replace(/[_.]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Follows a `#/definitions/x` reference inside the root schema; external ones are left to the caller. */
export function resolveLocalRef(schema: JsonSchema, root: JsonSchema): JsonSchema {
  if (!schema.$ref?.startsWith('#/')) return schema;
  const target = schema.$ref.slice(2).split('/').reduce<unknown>((node, part) => (isObject(node) ? node[part] : undefined), root);
  if (!isObject(target)) return schema;
  const { $ref: _ref, ...rest } = schema;
  return { ...(target as JsonSchema), ...rest };
}

/** The schema name of an external `$ref` (`caller_id.json` → `caller_id`). */
export function externalRefName(schema: JsonSchema): string | undefined {
  if (!schema.$ref || schema.$ref.startsWith('#')) return undefined;
  return schema.$ref.replace(/\.json$/, '').replace(/^.*\//, '');
}

export function refCollections(schema: JsonSchema): string[] {
  const ref = schema['x-ref'];
  return ref === undefined ? [] : Array.isArray(ref) ? ref : [ref];
}

/** The document with the schema's defaults filled in where a value is missing (what the server would store). */
export function withDefaults(schema: JsonSchema, value: JsonObject): JsonObject {
  const out: JsonObject = { ...value };
  for (const [key, prop] of Object.entries(schema.properties ?? {})) {
    if (out[key] === undefined && prop.default !== undefined) out[key] = structuredClone(prop.default);
  }
  return out;
}

/** Sets (or, with `undefined`, removes) a key without touching the others, so unknown fields survive an edit. */
export function setKey(object: JsonObject, key: string, value: unknown): JsonObject {
  const next = { ...object };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}
