import type { FieldError } from '../../api/envelope';
import type { JsonSchema } from '../../forms/jsonSchema';

/** The same schema with only some of its properties, so a page can show a document's fields in several places. */
export function pickProperties(schema: JsonSchema, keys: string[]): JsonSchema {
  return {
    ...schema,
    properties: Object.fromEntries(keys.filter((k) => schema.properties?.[k]).map((k) => [k, schema.properties![k]])),
  };
}

/** The server's errors of those fields only (and of what is inside them), for the form that shows them. */
export function errorsUnder(errors: Record<string, FieldError[]>, keys: string[]): Record<string, FieldError[]> {
  return Object.fromEntries(Object.entries(errors).filter(([path]) => keys.some((k) => path === k || path.startsWith(`${k}.`))));
}
