import { z } from 'zod';

/**
 * A signed-in session as kept in localStorage, so a reload stays signed in until the token expires.
 * `actingAccountId` is the account the screens work in: the user's own, or a sub-account a reseller switched into.
 */
export const sessionSchema = z.object({
  token: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  ownerId: z.string().nullable(),
  isReseller: z.boolean(),
  privLevel: z.string(),
  expires: z.string(),
  actingAccountId: z.string(),
  actingAccountName: z.string(),
});
export type Session = z.infer<typeof sessionSchema>;

const KEY = 'switchboard.session';

export function loadSession(now: number = Date.now()): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const parsed = sessionSchema.safeParse(JSON.parse(raw));
    if (!parsed.success || Date.parse(parsed.data.expires) <= now) {
      localStorage.removeItem(KEY);
      return null;
    }
    return parsed.data;
  } catch {
    return null;
  }
}

export function storeSession(session: Session | null): void {
  if (session) localStorage.setItem(KEY, JSON.stringify(session));
  else localStorage.removeItem(KEY);
}
