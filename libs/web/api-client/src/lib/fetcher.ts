import { ApiError, ClientErrorCode } from './api-error';
import { tokenStore } from './token-store';

/**
 * The one hand-written piece of the client: every generated function calls `customFetch`. It adds the
 * bearer token, restores the session after a reload, refreshes once on a 401 (one refresh shared by
 * all requests that fail at the same time), retries once, and turns any failure into an ApiError.
 */

/**
 * Named by orval: the error type of every generated hook. Orval passes the spec's error body type; every
 * error body has the one shape, which ApiError already carries, so the parameter goes unused.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export type ErrorType<_ErrorBody> = ApiError;

export const REFRESH_PATH = '/api/v1/auth/refresh';

/** A 401 from these means wrong credentials or a dead refresh token, never an expired access token. */
const NO_REFRESH_PATHS = /\/api\/v1\/auth\/(login|register|refresh)(\?|$)/;

export interface FetcherConfig {
  /** Prefix for every request; '' because the SPA and the API share an origin (/api is proxied). */
  baseUrl: string;
  /** Called once when the session cannot be refreshed, after it has been cleared. */
  onSessionExpired: () => void;
}

const defaultConfig: FetcherConfig = {
  baseUrl: '',
  onSessionExpired: () => {
    if (typeof window !== 'undefined') window.location.assign('/login');
  },
};

let config: FetcherConfig = { ...defaultConfig };

export function configureFetcher(overrides: Partial<FetcherConfig>): void {
  config = { ...config, ...overrides };
}

/** Back to the defaults and no refresh in flight; for tests. */
export function resetFetcher(): void {
  config = { ...defaultConfig };
  refreshInFlight = null;
}

export const customFetch = async <T>(url: string, init: RequestInit): Promise<T> => {
  const mayRefresh = !NO_REFRESH_PATHS.test(url);

  let token = tokenStore.getAccessToken();
  if (token === null && mayRefresh && tokenStore.getRefreshToken() !== null) {
    // After a reload only the refresh token survives: get an access token before the first call.
    token = await refreshAccessToken();
  }

  let response = await send(url, init, token);

  if (response.status === 401 && mayRefresh && tokenStore.hasSession()) {
    const current = tokenStore.getAccessToken();
    // A request sent with an old token may come back after another one already refreshed.
    const fresh = current !== null && current !== token ? current : await refreshAccessToken();
    response = await send(url, init, fresh);
  }

  if (!response.ok) throw await ApiError.fromResponse(response);
  return (await readBody(response, wantsFile(init))) as T;
};

let refreshInFlight: Promise<string> | null = null;

/** Single flight: concurrent callers share one POST /auth/refresh, because each refresh token works once. */
function refreshAccessToken(): Promise<string> {
  if (!refreshInFlight) {
    refreshInFlight = withCrossTabLock(refreshOnce).finally(() => {
      refreshInFlight = null;
    });
  }
  return refreshInFlight;
}

async function refreshOnce(): Promise<string> {
  // Read inside the lock: another tab may have rotated the token while this one waited.
  const refreshToken = tokenStore.getRefreshToken();
  if (refreshToken === null) return expireSession();

  let response: Response;
  try {
    response = await fetch(`${config.baseUrl}${REFRESH_PATH}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ refreshToken }),
    });
  } catch (cause) {
    // Offline is not a logout: keep the refresh token and let the caller show the error.
    throw networkError(cause);
  }

  if (response.ok) {
    const tokens = (await response.json()) as { accessToken: string; refreshToken: string };
    tokenStore.setSession({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken });
    return tokens.accessToken;
  }
  if (response.status >= 500) throw await ApiError.fromResponse(response);
  return expireSession();
}

function expireSession(): never {
  tokenStore.clear();
  config.onSessionExpired();
  throw new ApiError(401, ClientErrorCode.SessionExpired, 'Your session has expired. Please sign in again.');
}

async function send(url: string, init: RequestInit, token: string | null): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  if (token !== null) headers.set('Authorization', `Bearer ${token}`);
  try {
    return await fetch(`${config.baseUrl}${url}`, { ...init, headers });
  } catch (cause) {
    if (isAbort(cause)) throw cause;
    throw networkError(cause);
  }
}

/**
 * A caller that asks for something other than JSON (Accept: text/csv) is downloading a file: the
 * generated client types such responses (format: binary) as Blob.
 */
function wantsFile(init: RequestInit): boolean {
  const accept = new Headers(init.headers).get('Accept');
  return accept !== null && !accept.includes('json');
}

/** JSON parsed; a file as a Blob; other text (a plain-text answer) as a string. */
async function readBody(response: Response, asFile: boolean): Promise<unknown> {
  if (response.status === 204 || response.status === 205) return undefined;
  const type = response.headers.get('Content-Type') ?? '';
  const binary = type !== '' && !type.includes('json') && !type.startsWith('text/');
  if (!type.includes('json') && (asFile || binary)) {
    // Built with this realm's Blob (not the fetch implementation's), so every Blob consumer accepts it.
    return new Blob([await response.arrayBuffer()], { type });
  }
  const text = await response.text();
  if (!text) return undefined;
  return type.includes('json') ? JSON.parse(text) : text;
}

function networkError(cause: unknown): ApiError {
  const error = new ApiError(
    0,
    ClientErrorCode.NetworkError,
    'Could not reach the server. Check your connection and try again.',
  );
  (error as { cause?: unknown }).cause = cause;
  return error;
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

interface LockManagerLike {
  request<R>(name: string, callback: () => Promise<R>): Promise<R>;
}

/** Two tabs refreshing with the same token would look like token theft and revoke the family. */
function withCrossTabLock<R>(task: () => Promise<R>): Promise<R> {
  const locks = (globalThis.navigator as (Navigator & { locks?: LockManagerLike }) | undefined)?.locks;
  return locks ? locks.request('cadence.auth.refresh', task) : task();
}
