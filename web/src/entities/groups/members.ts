import { isObject, type JsonObject } from '../../forms/jsonSchema';

export type MemberType = 'user' | 'device';

/** One member of a group as the editor shows it; `extra` keeps fields the editor does not know. */
export type Member = { id: string; type: MemberType; delay?: number; timeout?: number; extra: JsonObject };

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** A group's `endpoints` object (id → {type, weight, delay, timeout}) as an ordered list: by weight, then as stored. */
export function toMembers(endpoints: unknown): Member[] {
  if (!isObject(endpoints)) return [];
  return Object.entries(endpoints)
    .map(([id, raw], index) => {
      const e = isObject(raw) ? raw : {};
      const { type, weight, delay, timeout, ...extra } = e;
      return { member: { id, type: type === 'device' ? 'device' as const : 'user' as const, delay: num(delay), timeout: num(timeout), extra }, weight: num(weight), index };
    })
    .sort((a, b) => (a.weight ?? Infinity) - (b.weight ?? Infinity) || a.index - b.index)
    .map((x) => x.member);
}

/** The ordered list back as `endpoints`, the order written as weights 1, 2, 3 … */
export function toEndpoints(members: Member[]): JsonObject {
  const out: JsonObject = {};
  members.forEach((m, i) => {
    out[m.id] = {
      ...m.extra,
      type: m.type,
      weight: i + 1,
      ...(m.delay !== undefined ? { delay: m.delay } : {}),
      ...(m.timeout !== undefined ? { timeout: m.timeout } : {}),
    };
  });
  return out;
}

export function moveMember(members: Member[], index: number, by: number): Member[] {
  const target = index + by;
  if (target < 0 || target >= members.length) return members;
  const next = [...members];
  const [m] = next.splice(index, 1);
  next.splice(target, 0, m);
  return next;
}
