import { useQuery } from '@tanstack/react-query';
import { request } from '../api/client';
import { useAccountId } from '../api/queries';
import { documentListSchema, type Doc } from '../api/types';

export type PatternTest =
  | { kind: 'invalid'; message: string }
  | { kind: 'no-match' }
  | { kind: 'match'; whole: string; captured: string | undefined; groups: string[] };

/**
 * What a callflow pattern makes of a dialled string: whether it matches and what it captures (KAZOO routes with
 * the first capture group, e.g. the number after a prefix). Patterns are PCRE; JavaScript's engine agrees with it
 * on what callflow patterns use (anchors, classes, groups, quantifiers).
 */
export function testPattern(pattern: string, dialled: string): PatternTest {
  let regex: RegExp;
  try {
    regex = new RegExp(pattern);
  } catch (e) {
    return { kind: 'invalid', message: e instanceof Error ? e.message.replace(/^Invalid regular expression: /, '') : 'Not a valid pattern' };
  }
  const m = regex.exec(dialled);
  if (!m) return { kind: 'no-match' };
  const groups = m.slice(1).map((g) => g ?? '');
  return { kind: 'match', whole: m[0], captured: groups.find((g) => g !== ''), groups };
}

/**
 * Whether a stored number is the one typed: the same, or the stored E.164 form of a typed national number
 * (the server normalises `4155550100` to `+14155550100`).
 */
export function sameNumber(stored: string, typed: string): boolean {
  if (stored === typed) return true;
  const digits = typed.replace(/\D/g, '');
  return digits.length >= 7 && /^\+?\d+$/.test(typed) && stored.replace(/\D/g, '').endsWith(digits) && stored.length - typed.length <= 3;
}

/** The other callflows of the account that already answer this number or pattern (found by the server's search). */
export function useNumberHolders(number: string, ownId: string | null) {
  const accountId = useAccountId();
  return useQuery({
    queryKey: ['number-holders', accountId, number],
    queryFn: ({ signal }) => request('GET', `/accounts/${accountId}/search`, documentListSchema,
      { query: { t: 'callflow', q: 'number', v: number, paginate: false }, signal })
      .then((env) => (env.data as Doc[]).filter((row) => row.id !== ownId && (
        (Array.isArray(row.numbers) && (row.numbers as string[]).some((n) => sameNumber(n, number)))
        || (Array.isArray(row.patterns) && (row.patterns as string[]).includes(number))))),
    enabled: number.trim().length > 0,
    staleTime: 10_000,
  });
}
