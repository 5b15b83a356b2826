import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api/ApiError';
import { request } from '../../api/client';
import { useAccountId } from '../../api/queries';
import { anySchema } from '../../api/types';

/** One SIP registration as far as the UI needs it; fields the server does not give stay undefined. */
export type Registration = {
  username?: string;
  deviceId?: string;
  contact?: string;
  userAgent?: string;
  source?: string;
  /** When it lapses, epoch ms */
  expiresAt?: number;
};

export type RegistrationState =
  | { kind: 'unknown'; reason: string }
  | { kind: 'loading' }
  | { kind: 'registered'; registrations: Registration[] }
  | { kind: 'unregistered' };

const POLL_MS = 10_000;
const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * Reads whatever shape the registrations endpoint answers with — a list, one object, or an object keyed by id —
 * using KAZOO's field names and the obvious alternatives.
 */
export function normaliseRegistrations(data: unknown, now: number = Date.now()): Registration[] {
  const items = Array.isArray(data) ? data
    : data && typeof data === 'object'
      ? ('contact' in data || 'username' in data || 'Contact' in data ? [data] : Object.values(data))
      : [];
  return items.filter((x): x is Record<string, unknown> => Boolean(x) && typeof x === 'object').map((r) => {
    const expires = typeof r.expires === 'number' ? r.expires : typeof r.Expires === 'number' ? r.Expires : undefined;
    const expiresAt = typeof r.expires_at === 'string' ? Date.parse(r.expires_at)
      : expires === undefined ? undefined
      // a large number is an absolute time (seconds since 1970), a small one what is left
      : expires > 1e9 ? expires * 1000 : now + expires * 1000;
    return {
      username: text(r.username) ?? text(r.Username) ?? text(r.authorizing_id) ?? text(r.user),
      deviceId: text(r.device_id) ?? text(r.owner_id) ?? text(r.Authorizing_ID) ?? text(r.authorizing_id),
      contact: text(r.contact) ?? text(r.Contact),
      userAgent: text(r.user_agent) ?? text(r['User-Agent']) ?? text(r.User_Agent),
      source: text(r.source_ip) ? `${r.source_ip}${r.source_port ? `:${r.source_port}` : ''}` : text(r.Network_IP) ?? text(r.received),
      expiresAt: Number.isFinite(expiresAt) ? expiresAt : undefined,
    };
  });
}

/** The registrations that belong to a device: by its id when the server says it, else by its SIP user name. */
export function registrationsOf(all: Registration[], deviceId: string, username: string | undefined): Registration[] {
  const user = username?.toLowerCase();
  return all.filter((r) => r.deviceId === deviceId || (user !== undefined && r.username?.toLowerCase() === user));
}

function stateFrom(query: { isLoading: boolean; error: unknown; data?: Registration[] }, pick: (all: Registration[]) => Registration[]): RegistrationState {
  if (query.isLoading) return { kind: 'loading' };
  if (query.error) {
    return { kind: 'unknown', reason: query.error instanceof ApiError && (query.error.isNotFound || query.error.status === 405)
      ? 'This server does not report registrations yet.' : 'Registration status could not be read.' };
  }
  const mine = pick(query.data ?? []);
  return mine.length > 0 ? { kind: 'registered', registrations: mine } : { kind: 'unregistered' };
}

function useRegistrationQuery(path: string | null, key: readonly unknown[]) {
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => request('GET', path!, anySchema, { signal }).then((env) => normaliseRegistrations(env.data)),
    enabled: path !== null,
    // polls only while the page is visible (react-query pauses interval refetches in a background tab)
    refetchInterval: (q) => (q.state.error instanceof ApiError && q.state.error.isNotFound ? false : POLL_MS),
    retry: false,
  });
}

/** Every registration of the account, for the list's status dots; polled every 10 s while the page is visible. */
export function useAccountRegistrations() {
  const accountId = useAccountId();
  const query = useRegistrationQuery(`/accounts/${accountId}/registrations`, ['registrations', accountId]);
  return (deviceId: string, username: string | undefined) => stateFrom(query, (all) => registrationsOf(all, deviceId, username));
}

/**
 * One device's registration: the device's own endpoint, falling back to the account's list when the server has
 * only that one; "unknown" when it has neither.
 */
export function useDeviceRegistration(deviceId: string | undefined, username: string | undefined): RegistrationState {
  const accountId = useAccountId();
  const own = useRegistrationQuery(deviceId ? `/accounts/${accountId}/devices/${deviceId}/registrations` : null,
    ['registrations', accountId, deviceId]);
  const ownMissing = own.error instanceof ApiError && own.error.isNotFound;
  const account = useRegistrationQuery(ownMissing ? `/accounts/${accountId}/registrations` : null, ['registrations', accountId]);
  if (!deviceId) return { kind: 'unregistered' };
  return ownMissing
    ? stateFrom(account, (all) => registrationsOf(all, deviceId, username))
    : stateFrom(own, (all) => all);
}
