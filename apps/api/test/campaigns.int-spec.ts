import request from 'supertest';
import { createTestApp, TestApp } from './create-test-app';

interface Agent {
  id: string;
  auth: { Authorization: string };
}

describe('campaigns (real app, embedded MongoDB, real Redis)', () => {
  let testApp: TestApp;
  let agent: Agent;
  let registered = 0;
  const http = () => request(testApp.app.getHttpServer());

  async function registerAgent(): Promise<Agent> {
    registered += 1;
    const response = await http().post('/api/v1/auth/register').send({ email: `campaigns${registered}@example.com`, password: 'correct horse battery', name: 'Agent' }).expect(201);
    return { id: response.body.user.id, auth: { Authorization: `Bearer ${response.body.accessToken}` } };
  }

  const create = (body: object, who: Agent = agent) => http().post('/api/v1/campaigns').set(who.auth).send(body);
  const action = (id: string, name: string, who: Agent = agent) => http().post(`/api/v1/campaigns/${id}/${name}`).set(who.auth);

  beforeAll(async () => {
    testApp = await createTestApp();
    agent = await registerAgent();
  });
  afterAll(() => testApp.close());

  it('creates a draft with a schedule and a budget, and reads it back', async () => {
    const created = await create({
      name: ' PDCC Expireds - January ',
      type: 'neighborhood_expireds',
      neighborhood: 'PDCC',
      schedule: { timeZone: 'America/Los_Angeles', startDate: '2026-01-05', endDate: '2026-01-30', dailyStart: '09:00', dailyEnd: '17:00', daysOfWeek: [1, 2, 3, 4, 5], dailyCap: 200 },
      budgetLimitUsd: 125.5,
    }).expect(201);
    expect(created.body).toMatchObject({
      name: 'PDCC Expireds - January',
      type: 'neighborhood_expireds',
      status: 'draft',
      schedule: { timeZone: 'America/Los_Angeles', dailyStart: '09:00', dailyCap: 200, daysOfWeek: [1, 2, 3, 4, 5] },
      budget: { limitUsd: 125.5, spentUsd: 0 },
      stats: { sms: { sent: 0, costUsd: 0 }, email: { delivered: 0 }, voicemail: { engaged: 0 } },
    });
    const read = await http().get(`/api/v1/campaigns/${created.body.id}`).set(agent.auth).expect(200);
    expect(read.body).toEqual(created.body);
  });

  it('refuses an invalid schedule with every problem named', async () => {
    const response = await create({ name: 'Bad', schedule: { timeZone: 'Mars/Olympus', dailyStart: '17:00', dailyEnd: '09:00' } }).expect(400);
    expect(response.body.code).toBe('CAMPAIGN_INVALID_SCHEDULE');
    expect(response.body.details.problems).toEqual(expect.arrayContaining([expect.stringContaining('Mars/Olympus'), expect.stringContaining('dailyEnd must be after dailyStart')]));
    expect((await create({ name: 'Bad type', type: 'nope' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
  });

  it('lists with status, type and search filters, sort and paging', async () => {
    const lister = await registerAgent();
    for (const [name, type] of [['Spring farm', 'custom'], ['Past clients 2025', 'past_clients'], ['Farm follow-up', 'custom']]) {
      await create({ name, type }, lister).expect(201);
    }
    const list = (query: Record<string, string | number>) => http().get('/api/v1/campaigns').set(lister.auth).query(query).expect(200);
    const names = (body: { items: { name: string }[] }) => body.items.map((c) => c.name);
    expect((await list({})).body).toMatchObject({ total: 3, page: 1, limit: 20 });
    expect(names((await list({ search: 'FARM', sort: 'name' })).body)).toEqual(['Farm follow-up', 'Spring farm']);
    expect(names((await list({ type: 'past_clients' })).body)).toEqual(['Past clients 2025']);
    expect(names((await list({ sort: 'createdAt', limit: 2, page: 2 })).body)).toEqual(['Farm follow-up']);
    expect((await list({ status: 'active' })).body.total).toBe(0);
  });

  it('walks the status machine and refuses illegal moves with 409 CAMPAIGN_ILLEGAL_TRANSITION', async () => {
    const { id } = (await create({ name: 'Lifecycle' }).expect(201)).body;
    const illegal = await action(id, 'launch').expect(409);
    expect(illegal.body).toMatchObject({ statusCode: 409, code: 'CAMPAIGN_ILLEGAL_TRANSITION', details: { status: 'draft' } });
    await action(id, 'pause').expect(409);
    expect((await action(id, 'approve').expect(200)).body).toMatchObject({ status: 'approved', approvedAt: expect.any(String) });
    expect((await action(id, 'launch').expect(200)).body).toMatchObject({ status: 'active', launchedAt: expect.any(String) });
    await action(id, 'approve').expect(409);
    expect((await action(id, 'pause').expect(200)).body).toMatchObject({ status: 'paused', pausedReason: 'Paused by the agent' });
    await action(id, 'pause').expect(409);
    expect((await action(id, 'resume').expect(200)).body).toMatchObject({ status: 'active', pausedReason: null });
  });

  it('schedules a launch whose first day is still to come', async () => {
    const { id } = (await create({ name: 'Later', schedule: { timeZone: 'America/New_York', startDate: '2099-01-01' } }).expect(201)).body;
    await action(id, 'approve').expect(200);
    expect((await action(id, 'launch').expect(200)).body.status).toBe('scheduled');
    expect((await action(id, 'pause').expect(200)).body.status).toBe('paused');
    expect((await action(id, 'resume').expect(200)).body.status).toBe('scheduled');
  });

  it('edits settings until launch and while paused, and deletes only drafts', async () => {
    const { id } = (await create({ name: 'Editable' }).expect(201)).body;
    const patched = await http().patch(`/api/v1/campaigns/${id}`).set(agent.auth).send({ name: 'Edited', budgetLimitUsd: 10, schedule: { timeZone: 'America/Chicago', dailyCap: 5 } }).expect(200);
    expect(patched.body).toMatchObject({ name: 'Edited', budget: { limitUsd: 10 }, schedule: { timeZone: 'America/Chicago', dailyCap: 5 } });
    await http().patch(`/api/v1/campaigns/${id}`).set(agent.auth).send({ schedule: { timeZone: 'UTC', startDate: '2026-02-10', endDate: '2026-02-01' } }).expect(400);
    await action(id, 'approve').expect(200);
    await action(id, 'launch').expect(200);
    expect((await http().patch(`/api/v1/campaigns/${id}`).set(agent.auth).send({ name: 'Live edit' }).expect(409)).body.code).toBe('CAMPAIGN_NOT_EDITABLE');
    expect((await http().delete(`/api/v1/campaigns/${id}`).set(agent.auth).expect(409)).body.code).toBe('CAMPAIGN_NOT_DELETABLE');
    await action(id, 'pause').expect(200);
    await http().patch(`/api/v1/campaigns/${id}`).set(agent.auth).send({ name: 'Paused edit' }).expect(200);

    const draft = (await create({ name: 'Throwaway' }).expect(201)).body;
    await http().delete(`/api/v1/campaigns/${draft.id}`).set(agent.auth).expect(204);
    await http().get(`/api/v1/campaigns/${draft.id}`).set(agent.auth).expect(404);
  });

  it('duplicates settings into a new draft, never status, spend or contacts', async () => {
    const source = (await create({ name: 'Original', type: 'high_equity', neighborhood: 'IWCC', budgetLimitUsd: 50, schedule: { timeZone: 'America/Denver', dailyCap: 10 } }).expect(201)).body;
    await action(source.id, 'approve').expect(200);
    const contact = (await http().post('/api/v1/contacts').set(agent.auth).send({ firstName: 'Dup', phones: [{ number: '+14155550111' }] }).expect(201)).body;
    await http().post(`/api/v1/campaigns/${source.id}/contacts`).set(agent.auth).send({ contactIds: [contact.id] }).expect(200);
    const copy = (await action(source.id, 'duplicate').expect(201)).body;
    expect(copy).toMatchObject({ name: 'Original (copy)', type: 'high_equity', neighborhood: 'IWCC', status: 'draft', duplicatedFrom: source.id, budget: { limitUsd: 50, spentUsd: 0 }, schedule: { timeZone: 'America/Denver', dailyCap: 10 } });
    expect(copy.id).not.toBe(source.id);
    expect((await http().get(`/api/v1/campaigns/${copy.id}/contacts`).set(agent.auth).expect(200)).body.total).toBe(0);
  });

  it('adds contacts by ids and by segment once each, ignoring other agents\' contacts, and lists them', async () => {
    const owner = await registerAgent();
    const stranger = await registerAgent();
    const contact = (who: Agent, body: object) => http().post('/api/v1/contacts').set(who.auth).send(body).expect(201).then((r) => r.body.id as string);
    const ann = await contact(owner, { firstName: 'Ann', lastName: 'Lee', phones: [{ number: '+14155550121' }], tags: ['hot'] });
    const bob = await contact(owner, { firstName: 'Bob', lastName: 'Ray', emails: ['bob@example.com'], tags: ['hot'] });
    await contact(owner, { firstName: 'Cy', emails: ['cy@example.com'] });
    const foreign = await contact(stranger, { firstName: 'Eve', emails: ['eve@example.com'] });
    const { id } = (await create({ name: 'Audience' }, owner).expect(201)).body;

    const byIds = await http().post(`/api/v1/campaigns/${id}/contacts`).set(owner.auth).send({ contactIds: [ann, foreign] }).expect(200);
    expect(byIds.body).toEqual({ matched: 1, added: 1 });
    const segment = await http().post('/api/v1/segments').set(owner.auth).send({ name: 'Hot', definition: { match: 'all', groups: [{ match: 'all', conditions: [{ field: 'tags', operator: 'hasAny', value: ['hot'] }] }] } }).expect(201);
    const bySegment = await http().post(`/api/v1/campaigns/${id}/contacts`).set(owner.auth).send({ segmentId: segment.body.id }).expect(200);
    expect(bySegment.body).toEqual({ matched: 2, added: 1 });
    await http().post(`/api/v1/campaigns/${id}/contacts`).set(owner.auth).send({ contactIds: [ann, bob] }).expect(200, { matched: 2, added: 0 });
    expect((await http().post(`/api/v1/campaigns/${id}/contacts`).set(owner.auth).send({}).expect(400)).body.code).toBe('CAMPAIGN_CONTACT_SELECTION_INVALID');

    const members = (await http().get(`/api/v1/campaigns/${id}/contacts`).set(owner.auth).expect(200)).body;
    expect(members.total).toBe(2);
    expect(members.items.map((m: { firstName: string }) => m.firstName).sort()).toEqual(['Ann', 'Bob']);
    expect(members.items[0]).toMatchObject({ status: 'active', sms: 'not-started', email: 'not-started', voicemail: 'not-started' });
    // The contact library sees the membership too.
    expect((await http().get('/api/v1/contacts').set(owner.auth).query({ campaignId: id }).expect(200)).body.total).toBe(2);
  });

  it('hides one agent\'s campaigns from another (404 on every route)', async () => {
    const other = await registerAgent();
    const { id } = (await create({ name: 'Private' }).expect(201)).body;
    expect((await http().get(`/api/v1/campaigns/${id}`).set(other.auth).expect(404)).body.code).toBe('CAMPAIGN_NOT_FOUND');
    await http().patch(`/api/v1/campaigns/${id}`).set(other.auth).send({ name: 'Mine now' }).expect(404);
    await http().delete(`/api/v1/campaigns/${id}`).set(other.auth).expect(404);
    for (const name of ['approve', 'launch', 'pause', 'resume', 'duplicate']) await action(id, name, other).expect(404);
    await http().get(`/api/v1/campaigns/${id}/contacts`).set(other.auth).expect(404);
    await http().post(`/api/v1/campaigns/${id}/contacts`).set(other.auth).send({ contactIds: [id] }).expect(404);
    expect((await http().get('/api/v1/campaigns').set(other.auth).expect(200)).body.total).toBe(0);
    await http().get('/api/v1/campaigns/not-an-id').set(agent.auth).expect(404);
    expect((await http().get(`/api/v1/campaigns/${id}`).set(agent.auth).expect(200)).body.name).toBe('Private');
  });

  it('reads a minimal draft the contact library inserted (an import\'s new campaign)', async () => {
    const importer = await registerAgent();
    const { getConnectionToken } = await import('@nestjs/mongoose');
    const { Types } = await import('mongoose');
    const id = new Types.ObjectId();
    await testApp.app.get(getConnectionToken()).collection('campaigns').insertOne({ _id: id, userId: new Types.ObjectId(importer.id), name: 'From import', status: 'draft', createdAt: new Date(), updatedAt: new Date() });
    const read = await http().get(`/api/v1/campaigns/${id.toHexString()}`).set(importer.auth).expect(200);
    expect(read.body).toMatchObject({ name: 'From import', type: 'custom', status: 'draft', schedule: null, budget: { limitUsd: null, spentUsd: 0 }, stats: { sms: { sent: 0 } } });
    expect((await action(id.toHexString(), 'approve', importer).expect(200)).body.status).toBe('approved');
  });
});
