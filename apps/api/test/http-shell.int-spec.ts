import request from 'supertest';
import { createTestApp, TestApp } from './create-test-app';

describe('HTTP shell', () => {
  let testApp: TestApp;
  const http = () => request(testApp.app.getHttpServer());

  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  it('reports mongo, redis and every queue up on /api/health', async () => {
    const response = await http().get('/api/health').expect(200);
    expect(response.body.status).toBe('up');
    expect(response.body.checks.mongo.status).toBe('up');
    expect(response.body.checks.redis.status).toBe('up');
    expect(response.body.checks.queues.map((q: { name: string }) => q.name)).toContain('system');
    // No worker runs in this test: the API still serves, and says so.
    expect(response.body.checks.worker).toEqual({ status: 'down', lastSeenAt: null });
  });

  it('uses one error shape for unknown routes and malformed JSON', async () => {
    const missing = await http().get('/api/v1/nothing-here').expect(404);
    expect(missing.body).toEqual({ statusCode: 404, code: 'ROUTE_NOT_FOUND', message: expect.any(String) });
    const malformed = await http().post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"email":').expect(400);
    expect(malformed.body.code).toBe('MALFORMED_JSON');
  });

  it('tags every response with a request id and keeps a sane one the caller sent', async () => {
    const generated = await http().get('/api/health');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await http().get('/api/health').set('X-Request-Id', 'trace-42');
    expect(kept.headers['x-request-id']).toBe('trace-42');
  });

  it('sends security headers and allows the web origin only', async () => {
    const response = await http().get('/api/health').set('Origin', 'http://localhost:4200');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['access-control-allow-origin']).toBe('http://localhost:4200');
    const foreign = await http().get('/api/health').set('Origin', 'https://evil.example');
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves the OpenAPI document and Swagger UI', async () => {
    const spec = await http().get('/api/docs-json').expect(200);
    expect(spec.body.paths['/api/v1/auth/login'].post.operationId).toBe('login');
    await http().get('/api/docs').expect(200);
  });
});

describe('HTTP shell when Redis is away', () => {
  let testApp: TestApp;
  const savedRedisUrl = process.env['REDIS_URL'];

  beforeAll(async () => {
    // A port nothing listens on: the API must still start and report itself unhealthy.
    testApp = await createTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });
  });
  afterAll(async () => {
    await testApp.close();
    if (savedRedisUrl === undefined) delete process.env['REDIS_URL'];
    else process.env['REDIS_URL'] = savedRedisUrl;
  });

  it('answers 503 naming redis as down', async () => {
    const response = await request(testApp.app.getHttpServer()).get('/api/health').expect(503);
    expect(response.body.status).toBe('down');
    expect(response.body.checks.redis.status).toBe('down');
    expect(response.body.checks.mongo.status).toBe('up');
  });
});
