import type { z } from 'zod';
import { ApiError } from './ApiError';
import { envelopeSchema, parseFieldErrors, type Envelope } from './envelope';

type QueryValue = string | number | boolean | undefined | null;
/** Query-string values; an array repeats the key (`filter_not_x=a&filter_not_x=b`), as Crossbar's filters AND them. */
export type Query = Record<string, QueryValue | readonly string[]>;

export type RequestOptions = {
  query?: Query;
  body?: unknown;
  /** Sent as If-Match, so a save over someone else's newer revision answers 409 instead of overwriting it. */
  revision?: string | null;
  signal?: AbortSignal;
};

type TokenSource = { token: () => string | null; onUnauthorized: () => void };

let tokens: TokenSource = { token: () => null, onUnauthorized: () => {} };

/** The auth layer tells the client where the token lives and what to do when the server stops accepting it. */
export function bindTokenSource(source: TokenSource): void {
  tokens = source;
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    for (const one of Array.isArray(value) ? value : [value]) {
      if (one !== undefined && one !== null && one !== '') params.append(key, String(one));
    }
  }
  const qs = params.toString();
  return `/v2${path}${qs ? `?${qs}` : ''}`;
}

/** One API call: sends the token and the `{data}` envelope, parses the answer's envelope, throws {@link ApiError}. */
export async function request<T>(
  method: 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  dataSchema: z.ZodType<T>,
  options: RequestOptions = {},
): Promise<Envelope<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = tokens.token();
  if (token) headers['X-Auth-Token'] = token;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.revision) headers['If-Match'] = options.revision;
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify({ data: options.body }),
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', 'The server cannot be reached. Check your connection and try again.');
  }
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    throw new ApiError(response.status, 'bad_response', `The server answered ${response.status} with something that is not JSON.`);
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) {
    throw new ApiError(response.status, 'bad_response', 'The server answered with an unexpected envelope.');
  }
  const env = envelope.data;
  if (!response.ok) {
    const error = errorFrom(response.status, env);
    if (error.isUnauthorized && token) tokens.onUnauthorized();
    throw error;
  }
  const data = dataSchema.safeParse(env.data);
  if (!data.success) {
    throw new ApiError(response.status, 'bad_response',
      `Unexpected answer from ${method} ${path}: ${data.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return {
    data: data.data,
    status: env.status,
    revision: env.revision,
    request_id: env.request_id,
    auth_token: env.auth_token,
    next_start_key: env.next_start_key,
    page_size: env.page_size,
    warnings: env.warnings,
  };
}

function errorFrom(status: number, env: z.infer<typeof envelopeSchema>): ApiError {
  const fieldErrors = parseFieldErrors(env.data);
  const code = env.message ?? env.error ?? String(status);
  const detail = env.data && typeof env.data === 'object' && 'message' in env.data
    ? String((env.data as { message: unknown }).message) : undefined;
  return new ApiError(status, code, humanMessage(status, code, detail), fieldErrors, env.request_id ?? undefined, env.data);
}

function humanMessage(status: number, code: string, detail?: string): string {
  switch (status) {
    case 400: return detail ?? 'Some fields are not valid; see the messages next to them.';
    case 401: return code === 'invalid_credentials' && detail ? 'User name, password or account name is wrong.' : 'Your session has ended. Sign in again.';
    case 403: return detail ?? 'You are not allowed to do that.';
    case 404: return detail ?? 'Not found. It may have been deleted.';
    case 409: return 'Someone else saved a newer version in the meantime.';
    case 413: return detail ?? 'That is too large for the server.';
    case 429: return 'Too many failed sign-ins. Wait a few minutes and try again.';
    default: return detail ?? `The server answered ${status} (${code}).`;
  }
}

/**
 * A call whose body or answer is not JSON (audio up- and downloads): the token, If-Match, and the same errors as
 * {@link request} when the server answers with an error envelope.
 */
export async function requestRaw(
  method: 'GET' | 'PUT' | 'POST',
  path: string,
  options: { body?: Blob; contentType?: string; revision?: string | null; signal?: AbortSignal } = {},
): Promise<{ blob: Blob; contentType: string }> {
  const headers: Record<string, string> = {};
  const token = tokens.token();
  if (token) headers['X-Auth-Token'] = token;
  if (options.contentType) headers['Content-Type'] = options.contentType;
  if (options.revision) headers['If-Match'] = options.revision;
  let response: Response;
  try {
    response = await fetch(buildUrl(path), { method, headers, body: options.body, signal: options.signal });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', 'The server cannot be reached. Check your connection and try again.');
  }
  const contentType = response.headers.get('Content-Type') ?? '';
  if (!response.ok) {
    const env = envelopeSchema.safeParse(await response.json().catch(() => ({})));
    const error = env.success ? errorFrom(response.status, env.data)
      : new ApiError(response.status, String(response.status), humanMessage(response.status, String(response.status)));
    if (error.isUnauthorized && token) tokens.onUnauthorized();
    throw error;
  }
  return { blob: await response.blob(), contentType };
}
