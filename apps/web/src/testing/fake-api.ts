/** A stand-in for the API behind `fetch`: routes by "METHOD /path" and records every request. */
export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | null;
  body: unknown;
}

export type FakeRoute = (request: RecordedRequest) => Response | Promise<Response>;

export function json(status: number, body?: unknown): Response {
  return body === undefined
    ? new Response(null, { status })
    : new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export function apiError(statusCode: number, code: string, message: string, details?: unknown): Response {
  return json(statusCode, { statusCode, code, message, ...(details === undefined ? {} : { details }) });
}

export const user = {
  id: 'u1',
  email: 'ada@brokerage.com',
  name: 'Ada Lovelace',
  role: 'agent' as const,
  teamId: null,
  createdAt: '2026-11-01T09:00:00.000Z',
};

export function tokens(n: number) {
  return { accessToken: `access-${n}`, refreshToken: `refresh-${n}`, tokenType: 'Bearer', expiresIn: 900, user };
}

export function installFakeApi(routes: Record<string, FakeRoute>) {
  const requests: RecordedRequest[] = [];
  const fetchMock = jest.fn(async (url: string, init: RequestInit = {}) => {
    const method = (init.method ?? 'GET').toUpperCase();
    const path = url.split('?')[0];
    const request: RecordedRequest = {
      method,
      path: url,
      authorization: new Headers(init.headers).get('Authorization'),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    requests.push(request);
    const route = routes[`${method} ${path}`];
    if (!route) return apiError(404, 'ROUTE_NOT_FOUND', `No fake for ${method} ${path}`);
    return route(request);
  });
  globalThis.fetch = fetchMock as unknown as typeof fetch;
  return {
    requests,
    /** Requests to one "METHOD /path" (query string ignored). */
    to: (key: string) => requests.filter((r) => `${r.method} ${r.path.split('?')[0]}` === key),
  };
}
