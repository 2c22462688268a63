import { getConnectionToken } from '@nestjs/mongoose';
import { Connection, Types } from 'mongoose';
import request from 'supertest';
import { createTestApp, TestApp } from './create-test-app';

interface Agent {
  id: string;
  auth: { Authorization: string };
}

describe('segments (real app, embedded MongoDB, real Redis)', () => {
  let testApp: TestApp;
  let agent: Agent;
  let registered = 0;
  let campaignId: string;
  const http = () => request(testApp.app.getHttpServer());

  async function registerAgent(): Promise<Agent> {
    registered += 1;
    const response = await http().post('/api/v1/auth/register').send({ email: `segments${registered}@example.com`, password: 'correct horse battery', name: 'Seg' }).expect(201);
    return { id: response.body.user.id, auth: { Authorization: `Bearer ${response.body.accessToken}` } };
  }

  const preview = (definition: object, who: Agent = agent) => http().post('/api/v1/segments/preview').set(who.auth).send({ definition });
  const names = (body: { sample: Array<{ firstName: string }> }) => body.sample.map((c) => c.firstName).sort();
  const all = (...conditions: object[]) => ({ match: 'all', groups: [{ match: 'all', conditions }] });

  beforeAll(async () => {
    testApp = await createTestApp();
    agent = await registerAgent();
    const contacts = [
      { firstName: 'Abe', phones: [{ number: '760-555-0101' }], propertyAddress: { state: 'CA', zip: '92260' }, tags: ['farm'], realEstate: { salePrice: 900000, absenteeOwner: true, saleDate: '2015-06-01' } },
      { firstName: 'Bea', emails: ['bea@example.com'], propertyAddress: { state: 'CA', zip: '92262' }, tags: ['farm', 'hot'], realEstate: { salePrice: 400000, absenteeOwner: false } },
      { firstName: 'Cal', phones: [{ number: '512-555-0102' }], propertyAddress: { state: 'TX', zip: '78701' }, tags: ['sphere'], realEstate: { listingStatus: 'expired' } },
      { firstName: 'Dee', phones: [{ number: '512-555-0103' }], doNotContact: true },
    ];
    const ids: string[] = [];
    for (const body of contacts) ids.push((await http().post('/api/v1/contacts').set(agent.auth).send(body).expect(201)).body.id);
    const campaign = new Types.ObjectId();
    await testApp.app.get<Connection>(getConnectionToken()).collection('campaigns').insertOne({ _id: campaign, userId: new Types.ObjectId(agent.id), name: 'Expired listings' });
    campaignId = campaign.toHexString();
    await http().post(`/api/v1/contacts/${ids[2]}/campaigns`).set(agent.auth).send({ campaignId }).expect(201);
    await http().put(`/api/v1/contacts/${ids[0]}/consent`).set(agent.auth).send({ channel: 'voice', status: 'granted', source: 'web form' }).expect(200);
  });
  afterAll(() => testApp.close());

  it('previews AND/OR groups over fields, tags, campaign membership and consent with a count and a sample', async () => {
    const absenteeFarm = (await preview(all({ field: 'tags', operator: 'hasAny', value: ['FARM'] }, { field: 'absenteeOwner', operator: 'is', value: true })).expect(200)).body;
    expect(absenteeFarm.count).toBe(1);
    expect(names(absenteeFarm)).toEqual(['Abe']);

    const either = {
      match: 'any',
      groups: [
        { match: 'all', conditions: [{ field: 'propertyState', operator: 'equals', value: 'ca' }, { field: 'salePrice', operator: 'lt', value: 500000 }] },
        { match: 'all', conditions: [{ field: 'campaigns', operator: 'hasAny', value: [campaignId] }] },
      ],
    };
    expect(names((await preview(either).expect(200)).body)).toEqual(['Bea', 'Cal']);
    expect(names((await preview(all({ field: 'campaigns', operator: 'isEmpty' }, { field: 'doNotContact', operator: 'is', value: false })).expect(200)).body)).toEqual(['Abe', 'Bea']);
    expect(names((await preview(all({ field: 'voiceConsent', operator: 'equals', value: 'granted' })).expect(200)).body)).toEqual(['Abe']);
    expect(names((await preview(all({ field: 'hasPhone', operator: 'is', value: false })).expect(200)).body)).toEqual(['Bea']);
    expect(names((await preview(all({ field: 'listingStatus', operator: 'in', value: ['expired', 'withdrawn'] })).expect(200)).body)).toEqual(['Cal']);
    expect(names((await preview(all({ field: 'saleDate', operator: 'before', value: '2016-01-01' })).expect(200)).body)).toEqual(['Abe']);
    expect(names((await preview(all({ field: 'firstName', operator: 'notEquals', value: 'abe' })).expect(200)).body)).toEqual(['Bea', 'Cal', 'Dee']);
    expect(names((await preview(all({ field: 'createdAt', operator: 'withinLastDays', value: 1 })).expect(200)).body)).toEqual(['Abe', 'Bea', 'Cal', 'Dee']);
  });

  it('treats values as values: regex characters and operator objects match nothing instead of everything', async () => {
    expect((await preview(all({ field: 'firstName', operator: 'contains', value: '.*' })).expect(200)).body.count).toBe(0);
    const injected = await preview(all({ field: 'firstName', operator: 'equals', value: { $ne: null } })).expect(400);
    expect(injected.body).toMatchObject({ code: 'SEGMENT_INVALID', details: [{ field: 'groups.0.conditions.0' }] });
    const wrongOperator = await preview(all({ field: 'salePrice', operator: 'contains', value: '9' })).expect(400);
    expect(wrongOperator.body.code).toBe('SEGMENT_INVALID');
    const unknownField = await preview(all({ field: 'passwordHash', operator: 'equals', value: 'x' })).expect(400);
    expect(unknownField.body.code).toBe('VALIDATION_FAILED');
    const badCampaign = await preview(all({ field: 'campaigns', operator: 'hasAny', value: ['not-an-id'] })).expect(400);
    expect(badCampaign.body.code).toBe('SEGMENT_INVALID');
  });

  it('saves, lists, reads, updates and deletes segments', async () => {
    const created = (await http().post('/api/v1/segments').set(agent.auth).send({ name: 'Texas', definition: all({ field: 'propertyState', operator: 'equals', value: 'TX' }) }).expect(201)).body;
    expect(created).toMatchObject({ name: 'Texas', description: null, definition: { match: 'all', groups: [{ conditions: [{ field: 'propertyState', value: 'TX' }] }] } });
    expect((await http().get('/api/v1/segments').set(agent.auth).expect(200)).body).toMatchObject({ total: 1, items: [{ id: created.id }] });
    const updated = (await http().patch(`/api/v1/segments/${created.id}`).set(agent.auth).send({ name: 'California', definition: all({ field: 'propertyState', operator: 'equals', value: 'CA' }) }).expect(200)).body;
    expect(updated).toMatchObject({ name: 'California', definition: { groups: [{ conditions: [{ value: 'CA' }] }] } });
    await http().patch(`/api/v1/segments/${created.id}`).set(agent.auth).send({ definition: all({ field: 'tags', operator: 'gt', value: 1 }) }).expect(400);
    expect((await http().get(`/api/v1/segments/${created.id}`).set(agent.auth).expect(200)).body.name).toBe('California');
    await http().delete(`/api/v1/segments/${created.id}`).set(agent.auth).expect(204);
    await http().get(`/api/v1/segments/${created.id}`).set(agent.auth).expect(404);
  });

  it("never shows another agent's segment or contacts: 404 and an empty preview", async () => {
    const segment = (await http().post('/api/v1/segments').set(agent.auth).send({ name: 'Mine', definition: all({ field: 'tags', operator: 'hasAny', value: ['farm'] }) }).expect(201)).body;
    const intruder = await registerAgent();
    for (const req of [
      http().get(`/api/v1/segments/${segment.id}`),
      http().patch(`/api/v1/segments/${segment.id}`).send({ name: 'Pwned' }),
      http().delete(`/api/v1/segments/${segment.id}`),
    ]) {
      const response = await req.set(intruder.auth);
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('NOT_FOUND');
    }
    expect((await http().get('/api/v1/segments').set(intruder.auth).expect(200)).body.total).toBe(0);
    expect((await preview(all({ field: 'tags', operator: 'hasAny', value: ['farm'] }), intruder).expect(200)).body).toEqual({ count: 0, sample: [] });
    expect((await http().get(`/api/v1/segments/${segment.id}`).set(agent.auth).expect(200)).body.name).toBe('Mine');
  });

  it('filters the contact list by a saved segment and runs a bulk action on a segment as the selection', async () => {
    const california = (await http().post('/api/v1/segments').set(agent.auth).send({ name: 'California', definition: all({ field: 'propertyState', operator: 'equals', value: 'CA' }) }).expect(201)).body;
    const listed = (await http().get('/api/v1/contacts').set(agent.auth).query({ segmentId: california.id }).expect(200)).body;
    expect(listed.total).toBe(2);
    expect(listed.items.map((c: { firstName: string }) => c.firstName).sort()).toEqual(['Abe', 'Bea']);
    // Combined with the list's own filters, as one query.
    const hot = (await http().get('/api/v1/contacts').set(agent.auth).query({ segmentId: california.id, tag: 'hot' }).expect(200)).body;
    expect(hot.items.map((c: { firstName: string }) => c.firstName)).toEqual(['Bea']);

    const tagged = (await http().post('/api/v1/contacts/bulk').set(agent.auth).send({ action: 'tag', segmentId: california.id, tags: ['west'] }).expect(200)).body;
    expect(tagged).toMatchObject({ matched: 2, modified: 2 });
    const west = (await http().get('/api/v1/contacts').set(agent.auth).query({ tag: 'west' }).expect(200)).body;
    expect(west.items.map((c: { firstName: string }) => c.firstName).sort()).toEqual(['Abe', 'Bea']);
    const viaFilter = (await http().post('/api/v1/contacts/bulk').set(agent.auth).send({ action: 'untag', filter: { segmentId: california.id }, tags: ['west'] }).expect(200)).body;
    expect(viaFilter).toMatchObject({ matched: 2, modified: 2 });

    const both = await http().post('/api/v1/contacts/bulk').set(agent.auth).send({ action: 'tag', segmentId: california.id, filter: {}, tags: ['x'] }).expect(400);
    expect(both.body.code).toBe('BULK_SELECTION_INVALID');
    const intruder = await registerAgent();
    await http().get('/api/v1/contacts').set(intruder.auth).query({ segmentId: california.id }).expect(404);
    await http().post('/api/v1/contacts/bulk').set(intruder.auth).send({ action: 'delete', segmentId: california.id }).expect(404);
    expect((await http().get('/api/v1/contacts').set(agent.auth).query({ segmentId: california.id }).expect(200)).body.total).toBe(2);
  });
});
