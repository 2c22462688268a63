import request from 'supertest';
import { createTestApp, TestApp } from './create-test-app';

const password = 'correct horse battery';

describe('auth (real app, embedded MongoDB, real Redis)', () => {
  let testApp: TestApp;
  const http = () => request(testApp.app.getHttpServer());

  beforeAll(async () => {
    testApp = await createTestApp({ ADMIN_EMAILS: 'boss@example.com' });
  });
  afterAll(() => testApp.close());

  async function register(email: string, name = 'Jane Agent') {
    const response = await http().post('/api/v1/auth/register').send({ email, password, name }).expect(201);
    return response.body as { accessToken: string; refreshToken: string; user: { id: string; role: string } };
  }

  it('registers an agent and returns a session', async () => {
    const session = await register('Jane@Example.com');
    expect(session.user).toMatchObject({ email: 'jane@example.com', name: 'Jane Agent', role: 'agent', teamId: null });
    expect(session.accessToken.split('.')).toHaveLength(3);
    expect(session.refreshToken.length).toBeGreaterThan(30);
  });

  it('refuses a second account with the same email, whatever its case', async () => {
    await register('dup@example.com');
    const response = await http().post('/api/v1/auth/register').send({ email: ' DUP@example.com ', password, name: 'Other' }).expect(409);
    expect(response.body).toEqual({ statusCode: 409, code: 'EMAIL_TAKEN', message: expect.any(String) });
  });

  it('logs in with the right password and refuses a wrong one or an unknown email alike', async () => {
    await register('login@example.com');
    const ok = await http().post('/api/v1/auth/login').send({ email: 'login@example.com', password }).expect(200);
    expect(ok.body.user.email).toBe('login@example.com');
    const wrong = await http().post('/api/v1/auth/login').send({ email: 'login@example.com', password: 'not the password' }).expect(401);
    const unknown = await http().post('/api/v1/auth/login').send({ email: 'nobody@example.com', password }).expect(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.body).toEqual(wrong.body);
  });

  it('answers me with a valid access token and 401 without or with a forged one', async () => {
    const session = await register('me@example.com');
    const me = await http().get('/api/v1/auth/me').set('Authorization', `Bearer ${session.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ id: session.user.id, email: 'me@example.com' });
    expect((await http().get('/api/v1/auth/me').expect(401)).body.code).toBe('INVALID_ACCESS_TOKEN');
    const forged = session.accessToken.slice(0, -4) + 'AAAA';
    await http().get('/api/v1/auth/me').set('Authorization', `Bearer ${forged}`).expect(401);
  });

  it('rotates refresh tokens and revokes the whole family when a spent one comes back', async () => {
    const first = await register('rotate@example.com');
    const second = (await http().post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)).body;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    await http().get('/api/v1/auth/me').set('Authorization', `Bearer ${second.accessToken}`).expect(200);

    const reuse = await http().post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    expect(reuse.body.code).toBe('REFRESH_TOKEN_REUSED');
    // The legitimate holder's newer token died with the family.
    const after = await http().post('/api/v1/auth/refresh').send({ refreshToken: second.refreshToken }).expect(401);
    expect(after.body.code).toBe('INVALID_REFRESH_TOKEN');
    // Another login starts a fresh family that works.
    const fresh = (await http().post('/api/v1/auth/login').send({ email: 'rotate@example.com', password }).expect(200)).body;
    await http().post('/api/v1/auth/refresh').send({ refreshToken: fresh.refreshToken }).expect(200);
  });

  it('gives exactly one of two concurrent refreshes with the same token', async () => {
    const session = await register('race@example.com');
    const results = await Promise.all([1, 2].map(() => http().post('/api/v1/auth/refresh').send({ refreshToken: session.refreshToken })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  it('authenticates API keys by header or bearer, records last use, and stops a revoked one', async () => {
    const session = await register('keys@example.com');
    const auth = { Authorization: `Bearer ${session.accessToken}` };
    const created = (await http().post('/api/v1/api-keys').set(auth).send({ name: 'CRM sync', scope: 'read-write' }).expect(201)).body;
    expect(created.secret).toMatch(/^cdk_/);
    expect(created.secret.startsWith(created.prefix)).toBe(true);

    const listed = (await http().get('/api/v1/api-keys').set(auth).expect(200)).body;
    expect(listed).toMatchObject({ total: 1, page: 1, limit: 20 });
    expect(listed.items[0]).toMatchObject({ id: created.id, name: 'CRM sync', scope: 'read-write', lastUsedAt: null });
    expect(listed.items[0].secret).toBeUndefined();

    await http().get('/api/v1/auth/me').set('X-API-Key', created.secret).expect(200);
    const viaBearer = await http().patch('/api/v1/auth/me').set('Authorization', `Bearer ${created.secret}`).send({ name: 'Renamed by key' }).expect(200);
    expect(viaBearer.body.name).toBe('Renamed by key');
    const used = (await http().get('/api/v1/api-keys').set(auth).expect(200)).body.items[0];
    expect(Date.parse(used.lastUsedAt)).toBeGreaterThan(Date.now() - 60_000);

    await http().delete(`/api/v1/api-keys/${created.id}`).set(auth).expect(204);
    expect((await http().get('/api/v1/auth/me').set('X-API-Key', created.secret).expect(401)).body.code).toBe('INVALID_API_KEY');
    expect((await http().get('/api/v1/api-keys').set(auth).expect(200)).body.total).toBe(0);
    await http().delete(`/api/v1/api-keys/${created.id}`).set(auth).expect(404);
  });

  it('refuses a write with a read-only key, and key management with any key', async () => {
    const session = await register('readonly@example.com');
    const auth = { Authorization: `Bearer ${session.accessToken}` };
    const key = (await http().post('/api/v1/api-keys').set(auth).send({ name: 'Reporting', scope: 'read' }).expect(201)).body;
    await http().get('/api/v1/auth/me').set('X-API-Key', key.secret).expect(200);
    const write = await http().patch('/api/v1/auth/me').set('X-API-Key', key.secret).send({ name: 'Nope' }).expect(403);
    expect(write.body.code).toBe('API_KEY_READ_ONLY');
    const mint = await http().get('/api/v1/api-keys').set('X-API-Key', key.secret).expect(403);
    expect(mint.body.code).toBe('SESSION_REQUIRED');
    expect((await http().get('/api/v1/auth/me').set(auth).expect(200)).body.name).toBe('Jane Agent');
  });

  it('answers 400 with a stable code for unknown fields and invalid values', async () => {
    const unknown = await http().post('/api/v1/auth/register').send({ email: 'x@example.com', password, name: 'X', isAdmin: true }).expect(400);
    expect(unknown.body).toMatchObject({ statusCode: 400, code: 'UNKNOWN_FIELD', details: [{ field: 'isAdmin' }] });
    const invalid = await http().post('/api/v1/auth/register').send({ email: 'not-an-email', password: 'short', name: 'X' }).expect(400);
    expect(invalid.body.code).toBe('VALIDATION_FAILED');
    expect(invalid.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['email', 'password']);
    // Nothing was half-written: the address is still free.
    await register('x@example.com');
  });

  it("never shows or lets one agent touch another agent's API keys", async () => {
    const alice = await register('alice@example.com');
    const bob = await register('bob@example.com');
    const aliceKey = (await http().post('/api/v1/api-keys').set('Authorization', `Bearer ${alice.accessToken}`).send({ name: 'Alice', scope: 'read' }).expect(201)).body;
    const bobList = (await http().get('/api/v1/api-keys').set('Authorization', `Bearer ${bob.accessToken}`).expect(200)).body;
    expect(bobList.items).toEqual([]);
    const steal = await http().delete(`/api/v1/api-keys/${aliceKey.id}`).set('Authorization', `Bearer ${bob.accessToken}`).expect(404);
    expect(steal.body.code).toBe('NOT_FOUND');
    await http().get('/api/v1/auth/me').set('X-API-Key', aliceKey.secret).expect(200);
    await http().delete('/api/v1/api-keys/not-an-id').set('Authorization', `Bearer ${bob.accessToken}`).expect(404);
  });

  it('opens the queue dashboard to admins only', async () => {
    const agent = await register('agent-board@example.com');
    const admin = await register('boss@example.com');
    expect(admin.user.role).toBe('admin');
    await http().get('/api/admin/queues').expect(401);
    const refused = await http().get('/api/admin/queues').set('Authorization', `Bearer ${agent.accessToken}`).expect(403);
    expect(refused.body.code).toBe('ROLE_REQUIRED');
    const page = await http().get('/api/admin/queues').set('Authorization', `Bearer ${admin.accessToken}`).expect(200);
    expect(page.text).toContain('<html');

    const cookie = await http().post('/api/v1/auth/board-session').set('Authorization', `Bearer ${admin.accessToken}`).expect(204);
    const setCookie = String(cookie.headers['set-cookie']);
    expect(setCookie).toMatch(/cadence_board=.*HttpOnly/);
    await http().get('/api/admin/queues/api/queues').set('Cookie', setCookie.split(';')[0]).expect(200);
  });
});

describe('logout', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  it('revokes the session so its refresh token no longer works', async () => {
    const http = () => request(testApp.app.getHttpServer());
    const session = (await http().post('/api/v1/auth/register').send({ email: 'bye@example.com', password, name: 'Bye' }).expect(201)).body;
    await http().post('/api/v1/auth/logout').send({ refreshToken: session.refreshToken }).expect(204);
    expect((await http().post('/api/v1/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401)).body.code).toBe('INVALID_REFRESH_TOKEN');
    // Unknown tokens get the same answer.
    await http().post('/api/v1/auth/logout').send({ refreshToken: 'never-issued' }).expect(204);
  });
});
