import type { Doc } from '../../api/types';

/** A listing row's name, or what to call it when it has none. */
export function rowName(row: Doc, unnamed: string): string {
  return typeof row.name === 'string' && row.name ? row.name : unnamed;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
