import request from 'supertest';
import { createTestApp, TestApp } from './create-test-app';

describe('login rate limit', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => testApp.close());

  it('answers 429 RATE_LIMITED after the configured attempts per minute', async () => {
    const attempt = () => request(testApp.app.getHttpServer()).post('/api/v1/auth/login').send({ email: 'who@example.com', password: 'wrong password' });
    for (let i = 0; i < 3; i += 1) expect((await attempt()).status).toBe(401);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
  });
});
