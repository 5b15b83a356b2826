import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { bindTokenSource, request } from '../api/client';
import { authDataSchema, tokenInfoSchema } from '../api/types';
import { md5Hex } from './md5';
import { loadSession, storeSession, type Session } from './session';

type Auth = {
  session: Session | null;
  signIn: (username: string, password: string, accountName: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** Work inside a sub-account (a reseller's customer) or back in one's own account. */
  switchAccount: (accountId: string, accountName: string) => void;
  /** Why the last session ended without the user asking, shown on the sign-in page. */
  endedReason: string | null;
};

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const [endedReason, setEndedReason] = useState<string | null>(null);

  const update = useCallback((next: Session | null) => {
    storeSession(next);
    setSession(next);
  }, []);

  const expire = useCallback((reason: string) => {
    update(null);
    queryClient.clear();
    setEndedReason(reason);
  }, [update, queryClient]);

  useEffect(() => {
    bindTokenSource({
      token: () => loadSession()?.token ?? null,
      onUnauthorized: () => expire('Your session has ended. Sign in again to continue.'),
    });
  }, [expire]);

  // sign out when the token's lifetime runs out, even if the page sits idle
  useEffect(() => {
    if (!session) return;
    const left = Date.parse(session.expires) - Date.now();
    const timer = window.setTimeout(() => expire('Your session expired. Sign in again to continue.'),
      Math.min(Math.max(left, 0), 2 ** 31 - 1));
    return () => window.clearTimeout(timer);
  }, [session, expire]);

  // a stored token may have been revoked (signed out elsewhere, server reset): ask once, for the session found at
  // load (later ones were just issued)
  const storedAtLoad = useRef(session);
  useEffect(() => {
    const stored = storedAtLoad.current;
    if (!stored) return;
    request('GET', '/token_auth', tokenInfoSchema).then((env) => {
      if (env.data.expires !== stored.expires) update({ ...stored, expires: env.data.expires });
    }).catch(() => { /* a 401 already ended the session through onUnauthorized */ });
  }, [update]);

  const signIn = useCallback(async (username: string, password: string, accountName: string) => {
    const credentials = md5Hex(`${username.trim().toLowerCase()}:${password}`);
    const env = await request('PUT', '/user_auth', authDataSchema,
      { body: { credentials, account_name: accountName.trim(), method: 'md5' } });
    if (!env.auth_token) throw new Error('The server signed you in but sent no token.');
    const data = env.data;
    const name = data.account_name ?? accountName.trim();
    queryClient.clear();
    setEndedReason(null);
    update({
      token: env.auth_token,
      accountId: data.account_id,
      accountName: name,
      ownerId: data.owner_id ?? null,
      isReseller: data.is_reseller ?? false,
      privLevel: data.priv_level ?? 'user',
      expires: data.expires ?? new Date(Date.now() + 3600_000).toISOString(),
      actingAccountId: data.account_id,
      actingAccountName: name,
    });
  }, [queryClient, update]);

  const signOut = useCallback(async () => {
    try {
      await request('DELETE', '/token_auth', z.unknown());
    } catch {
      // the token is dropped here whatever the server says: a sign-out must always work
    }
    update(null);
    queryClient.clear();
  }, [queryClient, update]);

  const switchAccount = useCallback((accountId: string, accountName: string) => {
    if (!session) return;
    update({ ...session, actingAccountId: accountId, actingAccountName: accountName });
  }, [session, update]);

  const value = useMemo(() => ({ session, signIn, signOut, switchAccount, endedReason }),
    [session, signIn, signOut, switchAccount, endedReason]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}
