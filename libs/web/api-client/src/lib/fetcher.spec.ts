import { ApiError } from './api-error';
import { configureFetcher, customFetch, REFRESH_PATH, resetFetcher } from './fetcher';
import { REFRESH_TOKEN_STORAGE_KEY, tokenStore } from './token-store';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function tokens(n: number) {
  return {
    accessToken: `access-${n}`,
    refreshToken: `refresh-${n}`,
    tokenType: 'Bearer',
    expiresIn: 900,
    user: { id: 'u1', email: 'a@b.c', name: 'Ada', role: 'agent', teamId: null, createdAt: '2026-01-01T00:00:00.000Z' },
  };
}

type Handler = (url: string, init: RequestInit) => Promise<Response> | Response;

const fetchMock = jest.fn<Promise<Response>, [string, RequestInit]>();
const onSessionExpired = jest.fn();

function serve(handler: Handler): void {
  fetchMock.mockImplementation(async (url, init) => handler(url, init));
}

function authOf(init: RequestInit): string | null {
  return new Headers(init.headers).get('Authorization');
}

function callsTo(path: string) {
  return fetchMock.mock.calls.filter(([url]) => url === path);
}

beforeEach(() => {
  resetFetcher();
  tokenStore.clear();
  localStorage.clear();
  fetchMock.mockReset();
  onSessionExpired.mockReset();
  globalThis.fetch = fetchMock as unknown as typeof fetch;
  configureFetcher({ onSessionExpired });
});

describe('customFetch', () => {
  it('sends the access token and returns the parsed body', async () => {
    tokenStore.setSession({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    serve(() => json(200, { name: 'Ada' }));

    await expect(customFetch('/api/v1/auth/me', { method: 'GET' })).resolves.toEqual({ name: 'Ada' });
    expect(authOf(fetchMock.mock.calls[0][1])).toBe('Bearer access-1');
  });

  it('refreshes once for concurrent 401s and retries each request with the new token', async () => {
    tokenStore.setSession({ accessToken: 'expired', refreshToken: 'refresh-1' });
    let releaseRefresh: () => void = () => undefined;
    const refreshGate = new Promise<void>((resolve) => (releaseRefresh = resolve));

    serve(async (url, init) => {
      if (url === REFRESH_PATH) {
        expect(JSON.parse(String(init.body))).toEqual({ refreshToken: 'refresh-1' });
        await refreshGate;
        return json(200, tokens(2));
      }
      if (authOf(init) === 'Bearer access-2') return json(200, { url });
      return json(401, { statusCode: 401, code: 'UNAUTHENTICATED', message: 'Token expired' });
    });

    const results = Promise.all([
      customFetch('/api/v1/auth/me', { method: 'GET' }),
      customFetch('/api/v1/api-keys', { method: 'GET' }),
      customFetch('/api/v1/api-keys', { method: 'POST', body: '{"name":"x","scope":"read"}' }),
    ]);
    // Let all three 401s arrive before the refresh answers.
    await new Promise((resolve) => setTimeout(resolve, 10));
    releaseRefresh();

    await expect(results).resolves.toEqual([
      { url: '/api/v1/auth/me' },
      { url: '/api/v1/api-keys' },
      { url: '/api/v1/api-keys' },
    ]);
    expect(callsTo(REFRESH_PATH)).toHaveLength(1);
    // Three first attempts, three retries, one refresh.
    expect(fetchMock).toHaveBeenCalledTimes(7);
    const retriedPost = fetchMock.mock.calls.filter(([, init]) => init.method === 'POST' && authOf(init) === 'Bearer access-2');
    expect(retriedPost[0][1].body).toBe('{"name":"x","scope":"read"}');
    expect(localStorage.getItem(REFRESH_TOKEN_STORAGE_KEY)).toBe('refresh-2');
    expect(onSessionExpired).not.toHaveBeenCalled();
  });

  it('retries only once: a second 401 reaches the caller as an ApiError', async () => {
    tokenStore.setSession({ accessToken: 'expired', refreshToken: 'refresh-1' });
    serve((url) =>
      url === REFRESH_PATH ? json(200, tokens(2)) : json(401, { statusCode: 401, code: 'UNAUTHENTICATED', message: 'No' }),
    );

    await expect(customFetch('/api/v1/auth/me', { method: 'GET' })).rejects.toMatchObject({
      statusCode: 401,
      code: 'UNAUTHENTICATED',
    });
    expect(callsTo(REFRESH_PATH)).toHaveLength(1);
    expect(callsTo('/api/v1/auth/me')).toHaveLength(2);
  });

  it('clears the session and reports expiry once when the refresh is refused', async () => {
    tokenStore.setSession({ accessToken: 'expired', refreshToken: 'spent' });
    serve((url) =>
      url === REFRESH_PATH
        ? json(401, { statusCode: 401, code: 'REFRESH_TOKEN_REUSED', message: 'Refresh token reused' })
        : json(401, { statusCode: 401, code: 'UNAUTHENTICATED', message: 'Token expired' }),
    );

    const outcomes = await Promise.allSettled([
      customFetch('/api/v1/auth/me', { method: 'GET' }),
      customFetch('/api/v1/api-keys', { method: 'GET' }),
    ]);

    for (const outcome of outcomes) {
      expect(outcome.status).toBe('rejected');
      expect((outcome as PromiseRejectedResult).reason).toMatchObject({ statusCode: 401, code: 'SESSION_EXPIRED' });
    }
    expect(callsTo(REFRESH_PATH)).toHaveLength(1);
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
    expect(tokenStore.hasSession()).toBe(false);
    expect(localStorage.getItem(REFRESH_TOKEN_STORAGE_KEY)).toBeNull();
  });

  it('restores the session after a reload by refreshing before the first call', async () => {
    localStorage.setItem(REFRESH_TOKEN_STORAGE_KEY, 'refresh-1');
    serve((url, init) => {
      if (url === REFRESH_PATH) return json(200, tokens(2));
      return authOf(init) === 'Bearer access-2' ? json(200, { name: 'Ada' }) : json(401, {});
    });

    await expect(customFetch('/api/v1/auth/me', { method: 'GET' })).resolves.toEqual({ name: 'Ada' });
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual([REFRESH_PATH, '/api/v1/auth/me']);
    expect(tokenStore.getAccessToken()).toBe('access-2');
  });

  it('keeps the session when the refresh cannot reach the server', async () => {
    tokenStore.setSession({ accessToken: 'expired', refreshToken: 'refresh-1' });
    serve((url) => {
      if (url === REFRESH_PATH) throw new TypeError('Failed to fetch');
      return json(401, { statusCode: 401, code: 'UNAUTHENTICATED', message: 'Token expired' });
    });

    await expect(customFetch('/api/v1/auth/me', { method: 'GET' })).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    expect(onSessionExpired).not.toHaveBeenCalled();
    expect(localStorage.getItem(REFRESH_TOKEN_STORAGE_KEY)).toBe('refresh-1');
  });

  it('does not try to refresh when the login itself is refused', async () => {
    tokenStore.setSession({ accessToken: 'a', refreshToken: 'refresh-1' });
    serve(() => json(401, { statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'Wrong email or password' }));

    const error = await customFetch('/api/v1/auth/login', { method: 'POST', body: '{}' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'INVALID_CREDENTIALS', message: 'Wrong email or password' });
    expect(callsTo(REFRESH_PATH)).toHaveLength(0);
    expect(onSessionExpired).not.toHaveBeenCalled();
  });

  it('exposes validation details per field', async () => {
    serve(() =>
      json(400, {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'password: too short',
        details: [{ field: 'password', messages: ['password must be longer than or equal to 10 characters'] }],
      }),
    );

    const error = (await customFetch('/api/v1/auth/register', { method: 'POST', body: '{}' }).catch((e: unknown) => e)) as ApiError;

    expect(error.statusCode).toBe(400);
    expect(error.fieldErrors).toEqual([
      { field: 'password', messages: ['password must be longer than or equal to 10 characters'] },
    ]);
  });

  it('turns a non-JSON failure into an ApiError that still names the status', async () => {
    serve(() => new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' }));

    await expect(customFetch('/api/health', { method: 'GET' })).rejects.toMatchObject({
      statusCode: 502,
      code: 'UNEXPECTED_RESPONSE',
      message: 'The Cadence server cannot be reached right now (502 Bad Gateway). Try again in a moment.',
    });
  });

  it('returns nothing for 204 No Content', async () => {
    tokenStore.setSession({ accessToken: 'a', refreshToken: 'r' });
    serve(() => new Response(null, { status: 204 }));

    await expect(customFetch('/api/v1/api-keys/k1', { method: 'DELETE' })).resolves.toBeUndefined();
  });

  it('returns a file as a Blob when the caller asks for it, and plain text as a string otherwise', async () => {
    tokenStore.setSession({ accessToken: 'a', refreshToken: 'r' });
    const csv = 'row,column,value,reason\r\n4,Phone,211,bad\r\n';
    serve(() => new Response(csv, { status: 200, headers: { 'Content-Type': 'text/csv; charset=utf-8' } }));

    const file = await customFetch<Blob>('/api/v1/imports/i1/errors.csv', { method: 'GET', headers: { Accept: 'text/csv' } });
    expect(file).toBeInstanceOf(Blob);
    expect(file.type).toBe('text/csv; charset=utf-8');
    expect(await readText(file)).toBe(csv);
    expect(new Headers(fetchMock.mock.calls[0][1].headers).get('Accept')).toBe('text/csv');

    serve(() => new Response('pong', { status: 200, headers: { 'Content-Type': 'text/plain' } }));
    await expect(customFetch('/api/ping', { method: 'GET' })).resolves.toBe('pong');

    serve(() => new Response(new Uint8Array([1, 2, 3]), { status: 200, headers: { 'Content-Type': 'application/octet-stream' } }));
    const bytes = await customFetch<Blob>('/api/v1/files/f1', { method: 'GET' });
    expect(bytes).toBeInstanceOf(Blob);
    expect(bytes.size).toBe(3);
  });
});

function readText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}
