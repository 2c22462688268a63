/** A stand-in for the API behind `fetch`: routes by "METHOD /path" and records every request. */
export interface RecordedRequest {
  method: string;
  url: string;
  path: string;
  query: URLSearchParams;
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

export function installFakeApi(routes: Record<string, FakeRoute>) {
  const requests: RecordedRequest[] = [];
  const fetchMock = jest.fn(async (url: string, init: RequestInit = {}) => {
    const method = (init.method ?? 'GET').toUpperCase();
    const [path, search = ''] = url.split('?');
    let body: unknown;
    if (typeof init.body === 'string') body = JSON.parse(init.body);
    else if (init.body instanceof FormData) body = Object.fromEntries(init.body.entries());
    const request: RecordedRequest = { method, url, path, query: new URLSearchParams(search), body };
    requests.push(request);
    const route = routes[`${method} ${path}`];
    if (!route) return apiError(404, 'ROUTE_NOT_FOUND', `No fake for ${method} ${path}`);
    return route(request);
  });
  globalThis.fetch = fetchMock as unknown as typeof fetch;
  return {
    requests,
    /** Requests to one "METHOD /path" (query string ignored). */
    to: (key: string) => requests.filter((r) => `${r.method} ${r.path}` === key),
  };
}
