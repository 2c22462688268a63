/** A stand-in for the API behind `fetch`: routes by "METHOD /path" and records every request. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

export type FakeRoute = (request: RecordedRequest) => Response | Promise<Response>;

export function json(status: number, body?: unknown): Response {
  return body === undefined ? new Response(null, { status }) : new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export function apiError(statusCode: number, code: string, message: string): Response {
  return json(statusCode, { statusCode, code, message });
}

export function installFakeApi(routes: Record<string, FakeRoute>) {
  const requests: RecordedRequest[] = [];
  globalThis.fetch = jest.fn(async (url: string, init: RequestInit = {}) => {
    const method = (init.method ?? 'GET').toUpperCase();
    const [path, search = ''] = url.split('?');
    const request: RecordedRequest = { method, path, query: new URLSearchParams(search), body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined };
    requests.push(request);
    const route = routes[`${method} ${path}`];
    return route ? route(request) : apiError(404, 'ROUTE_NOT_FOUND', `No fake for ${method} ${path}`);
  }) as unknown as typeof fetch;
  return { requests, to: (key: string) => requests.filter((r) => `${r.method} ${r.path}` === key) };
}
