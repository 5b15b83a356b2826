import { isObject, refCollections, type JsonObject, type JsonSchema } from '../forms/jsonSchema';

export type NameOf = (id: string) => string | undefined;

/** Ids a node's data points to, with the collections the schema says they come from (`x-ref`). */
export function referencedIds(schema: JsonSchema | undefined, data: JsonObject): { id: string; collections: string[] }[] {
  const out: { id: string; collections: string[] }[] = [];
  const walk = (s: JsonSchema | undefined, value: unknown) => {
    if (!s) return;
    const refs = refCollections(s);
    if (refs.length > 0 && typeof value === 'string' && value) out.push({ id: value, collections: refs });
    if (Array.isArray(value)) value.forEach((item) => walk(s.items, item));
    if (isObject(value) && s.properties) {
      for (const [key, prop] of Object.entries(s.properties)) walk(prop, value[key]);
    }
  };
  walk(schema, data);
  return out;
}

function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}

/**
 * What a node points to, in a few words: the referenced document's name (a user, a menu), else the most telling
 * value of its data (members, text, a URL, a code).
 */
export function caption(module: string, data: JsonObject, schema: JsonSchema | undefined, nameOf: NameOf): string {
  const primary = referencedIds(schema, data).find((r) => r.id === data.id) ?? referencedIds(schema, data)[0];
  // media may be given as a URL (tone_stream://, http://) instead of a document id
  if (primary && /^[a-z_]+:\/\//.test(primary.id)) return primary.id;
  if (primary && !Array.isArray(data.endpoints)) return nameOf(primary.id) ?? `${shortId(primary.id)} (not found)`;
  if (Array.isArray(data.endpoints)) {
    const names = data.endpoints.filter(isObject).map((e) => (typeof e.id === 'string' ? nameOf(e.id) ?? shortId(e.id) : '?'));
    if (names.length === 0) return 'No members yet';
    return names.length <= 2 ? names.join(', ') : `${names.slice(0, 2).join(', ')} +${names.length - 2}`;
  }
  if (typeof data.id === 'string' && data.id) return data.id;
  if (typeof data.text === 'string') return `“${data.text.slice(0, 40)}${data.text.length > 40 ? '…' : ''}”`;
  if (typeof data.voice_url === 'string') return data.voice_url;
  if (typeof data.uri === 'string') return data.uri;
  if (data.code !== undefined) return `SIP ${String(data.code)}`;
  if (typeof data.alert_info === 'string') return data.alert_info;
  if (typeof data.language === 'string') return data.language;
  if (data.duration !== undefined) return `${String(data.duration)} ${typeof data.unit === 'string' ? data.unit : 's'}`;
  if (typeof data.variable === 'string') return data.variable;
  if (module === 'conference' && !data.id) return 'Caller enters the conference number';
  if (module === 'temporal_route' && typeof data.timezone === 'string') return data.timezone;
  return '';
}
