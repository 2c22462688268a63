import { INestApplication } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { Connection, Types } from 'mongoose';
import request from 'supertest';
import { createTestApp, TestApp } from './create-test-app';

interface Agent {
  id: string;
  auth: { Authorization: string };
}

let registered = 0;

async function registerAgent(app: INestApplication, name = 'Agent'): Promise<Agent> {
  registered += 1;
  const response = await request(app.getHttpServer()).post('/api/v1/auth/register').send({ email: `contacts${registered}@example.com`, password: 'correct horse battery', name }).expect(201);
  return { id: response.body.user.id, auth: { Authorization: `Bearer ${response.body.accessToken}` } };
}

/** Campaigns come with a later module; the minimal document the campaign-ownership port reads. */
async function insertCampaign(app: INestApplication, agent: Agent, name: string): Promise<string> {
  const id = new Types.ObjectId();
  await app.get<Connection>(getConnectionToken()).collection('campaigns').insertOne({ _id: id, userId: new Types.ObjectId(agent.id), name, status: 'draft', createdAt: new Date() });
  return id.toHexString();
}

describe('contacts (real app, embedded MongoDB, real Redis)', () => {
  let testApp: TestApp;
  let agent: Agent;
  const http = () => request(testApp.app.getHttpServer());
  const create = (body: object, who: Agent = agent) => http().post('/api/v1/contacts').set(who.auth).send(body);
  const list = (query: Record<string, string | number | boolean>, who: Agent = agent) => http().get('/api/v1/contacts').set(who.auth).query(query).expect(200);

  beforeAll(async () => {
    testApp = await createTestApp();
    agent = await registerAgent(testApp.app);
  });
  afterAll(() => testApp.close());

  it('creates a contact with normalised phones, emails, names, address and a time zone from the ZIP', async () => {
    const response = await create({
      firstName: '  JOSÉ ',
      lastName: "O'NEIL",
      phones: [{ number: '(760) 555-0134' }, { number: '760.555.0135 x12', dnc: true }],
      emails: [' Jose.ONeil@Example.COM '],
      propertyAddress: { street: '74-123 FAIRWAY DR', city: 'palm desert', state: 'California', zip: '92260-1234' },
      tags: ['Farm 2024', 'farm 2024 '],
      customFields: { 'Lead source': 'Zillow' },
    }).expect(201);
    expect(response.body).toMatchObject({
      firstName: 'José',
      lastName: "O'Neil",
      phones: [
        { e164: '+17605550134', extension: null, dnc: false },
        { e164: '+17605550135', extension: '12', dnc: true },
      ],
      emails: ['jose.oneil@example.com'],
      propertyAddress: { street: '74-123 Fairway Dr', city: 'palm desert', state: 'CA', zip: '92260' },
      tags: ['farm 2024'],
      customFields: { 'Lead source': 'Zillow' },
      source: 'manual',
      timeZone: 'America/Los_Angeles',
      timeZoneSource: 'zip',
      doNotContact: false,
      consent: { sms: { status: 'unknown' }, voice: { status: 'unknown' }, email: { status: 'unknown' } },
    });
  });

  it('falls back to the area code for the time zone, and says unknown for an area code spanning zones', async () => {
    const chicago = (await create({ firstName: 'Chi', phones: [{ number: '312-555-0100' }] }).expect(201)).body;
    expect(chicago).toMatchObject({ timeZone: 'America/Chicago', timeZoneSource: 'area-code' });
    const alaska = (await create({ firstName: 'Ak', phones: [{ number: '907-555-1234' }] }).expect(201)).body;
    expect(alaska).toMatchObject({ timeZone: null, timeZoneSource: 'unknown' });
  });

  it('answers 400 naming the field for a bad phone, email, state or ZIP, and writes nothing', async () => {
    const before = (await list({})).body.total;
    const phone = await create({ firstName: 'Bad', phones: [{ number: '760 555 0134' }, { number: '211' }] }).expect(400);
    expect(phone.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'phones.1.number' }] });
    const email = await create({ firstName: 'Bad', emails: ['not-an-email'] }).expect(400);
    expect(email.body.code).toBe('VALIDATION_FAILED');
    expect(email.body.details[0].field).toBe('emails');
    const address = await create({ firstName: 'Bad', propertyAddress: { state: 'Narnia', zip: '12' } }).expect(400);
    expect(address.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['propertyAddress.state', 'propertyAddress.zip']);
    const empty = await create({ tags: ['x'] }).expect(400);
    expect(empty.body.code).toBe('CONTACT_EMPTY');
    expect((await list({})).body.total).toBe(before);
  });

  it('refuses a second contact with the same phone in another format, naming the holder', async () => {
    const first = (await create({ firstName: 'Holder', phones: [{ number: '+1 619 555 0101' }] }).expect(201)).body;
    const dup = await create({ firstName: 'Copy', phones: [{ number: '(619) 555-0101' }] }).expect(409);
    expect(dup.body).toMatchObject({ code: 'CONTACT_DUPLICATE', details: [{ contactId: first.id, phones: ['+16195550101'] }] });
  });

  describe('search and filters', () => {
    let searcher: Agent;
    let ids: Record<string, string>;

    beforeAll(async () => {
      searcher = await registerAgent(testApp.app, 'Searcher');
      const make = async (key: string, body: object) => [key, (await create(body, searcher).expect(201)).body.id] as const;
      ids = Object.fromEntries(
        await Promise.all([
          make('jose', { firstName: 'José', lastName: 'Müller', phones: [{ number: '760-555-0134' }], propertyAddress: { street: '12 Palm Canyon Dr', city: 'Palm Springs', state: 'CA', zip: '92262' }, tags: ['farm'] }),
          make('ann', { firstName: 'Ann', lastName: 'Lee', emails: ['ann.lee@example.com'], propertyAddress: { street: '5 Elm St', city: 'Austin', state: 'TX', zip: '78701' }, tags: ['sphere'] }),
          make('bob', { firstName: 'Bob', lastName: 'Stone', phones: [{ number: '512-555-0199' }], doNotContact: true }),
        ]),
      );
    });

    const names = (body: { items: Array<{ firstName: string }> }) => body.items.map((c) => c.firstName).sort();

    it('finds a contact by name without accents, by any phone format, by email and by address', async () => {
      expect(names((await list({ search: 'jose mull' }, searcher)).body)).toEqual(['José']);
      expect(names((await list({ search: '(760) 555-0134' }, searcher)).body)).toEqual(['José']);
      expect(names((await list({ search: '+1 760 555 0134' }, searcher)).body)).toEqual(['José']);
      expect(names((await list({ search: '555-0134' }, searcher)).body)).toEqual(['José']);
      expect(names((await list({ search: 'ANN.LEE@' }, searcher)).body)).toEqual(['Ann']);
      expect(names((await list({ search: 'palm canyon' }, searcher)).body)).toEqual(['José']);
      expect(names((await list({ search: '78701' }, searcher)).body)).toEqual(['Ann']);
      expect((await list({ search: 'nobody-like-this' }, searcher)).body.total).toBe(0);
    });

    it('filters by tag, state, ZIP, do-not-contact and campaign membership', async () => {
      expect(names((await list({ tag: 'FARM' }, searcher)).body)).toEqual(['José']);
      expect(names((await list({ state: 'tx' }, searcher)).body)).toEqual(['Ann']);
      expect(names((await list({ zip: '92262' }, searcher)).body)).toEqual(['José']);
      expect(names((await list({ doNotContact: true }, searcher)).body)).toEqual(['Bob']);
      expect(names((await list({ doNotContact: false }, searcher)).body)).toEqual(['Ann', 'José']);

      const campaignId = await insertCampaign(testApp.app, searcher, 'Spring farm');
      await http().post(`/api/v1/contacts/${ids['ann']}/campaigns`).set(searcher.auth).send({ campaignId }).expect(201);
      expect(names((await list({ campaignId }, searcher)).body)).toEqual(['Ann']);
      expect(names((await list({ notInCampaign: campaignId }, searcher)).body)).toEqual(['Bob', 'José']);
      expect(names((await list({ inAnyCampaign: false }, searcher)).body)).toEqual(['Bob', 'José']);
    });

    it('sorts and pages with the total', async () => {
      const page1 = (await list({ sort: 'name', limit: 2, page: 1 }, searcher)).body;
      const page2 = (await list({ sort: 'name', limit: 2, page: 2 }, searcher)).body;
      expect(page1).toMatchObject({ total: 3, page: 1, limit: 2 });
      expect([...page1.items, ...page2.items].map((c: { lastName: string }) => c.lastName)).toEqual(['Lee', 'Müller', 'Stone']);
      const tooMany = await http().get('/api/v1/contacts').set(searcher.auth).query({ limit: 101 }).expect(400);
      expect(tooMany.body.code).toBe('VALIDATION_FAILED');
    });
  });

  it('updates fields, recomputes keys and records what changed on the timeline, newest first', async () => {
    const contact = (await create({ firstName: 'Tim', phones: [{ number: '858-555-0142' }] }).expect(201)).body;
    const updated = await http()
      .patch(`/api/v1/contacts/${contact.id}`)
      .set(agent.auth)
      .send({ lastName: 'Line', phones: [{ number: '858 555 0143' }], tags: ['hot'], mailingAddress: { street: '1 Main', city: 'Boise', state: 'ID', zip: '83702' } })
      .expect(200);
    expect(updated.body).toMatchObject({ lastName: 'Line', phones: [{ e164: '+18585550143' }], tags: ['hot'], timeZone: 'America/Boise', timeZoneSource: 'zip' });
    expect((await list({ search: '858-555-0143' })).body.items.map((c: { id: string }) => c.id)).toEqual([contact.id]);
    expect((await list({ search: '858-555-0142' })).body.total).toBe(0);

    const timeline = (await http().get(`/api/v1/contacts/${contact.id}/timeline`).set(agent.auth).expect(200)).body;
    expect(timeline.items.map((e: { type: string }) => e.type)).toEqual(['tagged', 'updated', 'created']);
    expect(timeline.items[1].data.fields.sort()).toEqual(['lastName', 'mailingAddress', 'phones']);
  });

  it('records consent with its proof and opt-outs per channel or for all channels', async () => {
    const contact = (await create({ firstName: 'Consent', phones: [{ number: '619-555-0177' }], emails: ['c@example.com'] }).expect(201)).body;
    const consent = await http()
      .put(`/api/v1/contacts/${contact.id}/consent`)
      .set(agent.auth)
      .send({ channel: 'sms', status: 'granted', source: 'open-house sign-in', wording: 'I agree to receive texts from Jane Agent.', ip: '203.0.113.9' })
      .expect(200);
    expect(consent.body.consent.sms).toMatchObject({ status: 'granted', source: 'open-house sign-in', wording: 'I agree to receive texts from Jane Agent.', ip: '203.0.113.9' });
    const future = await http().put(`/api/v1/contacts/${contact.id}/consent`).set(agent.auth).send({ channel: 'sms', status: 'granted', source: 'x', capturedAt: '2999-01-01T00:00:00Z' }).expect(400);
    expect(future.body.details[0].field).toBe('capturedAt');

    const sms = await http().post(`/api/v1/contacts/${contact.id}/opt-out`).set(agent.auth).send({ channel: 'sms', reason: 'Replied STOP' }).expect(200);
    expect(sms.body).toMatchObject({ doNotContact: false, consent: { sms: { status: 'denied' }, email: { status: 'unknown' } }, optOuts: { sms: { reason: 'Replied STOP' }, email: null } });
    const all = await http().post(`/api/v1/contacts/${contact.id}/opt-out`).set(agent.auth).send({}).expect(200);
    expect(all.body).toMatchObject({ doNotContact: true, consent: { voice: { status: 'denied' }, email: { status: 'denied' } } });
    expect(all.body.optOuts.email).not.toBeNull();

    const timeline = (await http().get(`/api/v1/contacts/${contact.id}/timeline`).set(agent.auth).expect(200)).body;
    expect(timeline.items.map((e: { type: string }) => e.type)).toEqual(['opted-out', 'opted-out', 'consent-changed', 'created']);
  });

  it('adds a contact to an owned campaign once, shows the history per channel, and refuses an unknown campaign', async () => {
    const contact = (await create({ firstName: 'Member', emails: ['member@example.com'] }).expect(201)).body;
    const campaignId = await insertCampaign(testApp.app, agent, 'Just listed');
    const added = await http().post(`/api/v1/contacts/${contact.id}/campaigns`).set(agent.auth).send({ campaignId }).expect(201);
    expect(added.body).toMatchObject({ campaignId, campaignName: 'Just listed', status: 'active', channels: { sms: { status: 'not-started' } } });
    await http().post(`/api/v1/contacts/${contact.id}/campaigns`).set(agent.auth).send({ campaignId }).expect(201);
    const history = (await http().get(`/api/v1/contacts/${contact.id}/campaigns`).set(agent.auth).expect(200)).body;
    expect(history.items).toHaveLength(1);
    const after = (await http().get(`/api/v1/contacts/${contact.id}`).set(agent.auth).expect(200)).body;
    expect(after.campaignHistory).toMatchObject({ campaignIds: [campaignId], totalCampaigns: 1 });

    const missing = await http().post(`/api/v1/contacts/${contact.id}/campaigns`).set(agent.auth).send({ campaignId: '0123456789abcdef01234567' }).expect(404);
    expect(missing.body.code).toBe('CAMPAIGN_NOT_FOUND');
  });

  it("records leaving a campaign and coming back on the contact's timeline, once each, and gives each channel's reason in the history", async () => {
    const contact = (await create({ firstName: 'Leaver', emails: ['leaver@example.com'] }).expect(201)).body;
    const campaignId = await insertCampaign(testApp.app, agent, 'Spring farm');
    await http().post(`/api/v1/contacts/${contact.id}/campaigns`).set(agent.auth).send({ campaignId }).expect(201);
    // What the send path writes on a member whose text the gate refused.
    await testApp.app
      .get<Connection>(getConnectionToken())
      .collection('campaignContacts')
      .updateOne({ campaignId: new Types.ObjectId(campaignId), contactId: new Types.ObjectId(contact.id) }, { $set: { 'channels.sms.status': 'skipped', 'channels.sms.reasonCode': 'no_consent', 'channels.sms.reason': 'No SMS consent on record', 'channels.sms.statusAt': new Date('2026-03-10T19:00:00Z') } });
    const history = (await http().get(`/api/v1/contacts/${contact.id}/campaigns`).set(agent.auth).expect(200)).body.items;
    expect(history[0].channels).toMatchObject({
      sms: { status: 'skipped', reasonCode: 'no_consent', reason: 'No SMS consent on record', statusAt: '2026-03-10T19:00:00.000Z' },
      email: { status: 'not-started', reasonCode: null, reason: null, statusAt: null },
    });

    const members = `/api/v1/campaigns/${campaignId}/contacts`;
    expect((await http().delete(members).set(agent.auth).send({ contactIds: [contact.id] }).expect(200)).body).toEqual({ removed: 1, cancelledExecutions: 0 });
    await http().delete(members).set(agent.auth).send({ contactIds: [contact.id] }).expect(200, { removed: 0, cancelledExecutions: 0 });
    const timeline = async () => ((await http().get(`/api/v1/contacts/${contact.id}/timeline`).set(agent.auth).expect(200)).body.items as { type: string; summary: string; data: object }[]).filter((e) => e.type.endsWith('campaign'));
    expect(await timeline()).toEqual([
      expect.objectContaining({ type: 'removed-from-campaign', summary: 'Removed from a campaign', data: { campaignId } }),
      expect.objectContaining({ type: 'added-to-campaign', summary: 'Added to a campaign', data: { campaignId } }),
    ]);
    expect((await http().get(`/api/v1/contacts/${contact.id}/campaigns`).set(agent.auth).expect(200)).body.items[0]).toMatchObject({ status: 'removed' });

    // Back in, then out again: each step is on the timeline, newest first.
    await http().post(members).set(agent.auth).send({ contactIds: [contact.id] }).expect(200, { matched: 1, added: 1 });
    await http().post(members).set(agent.auth).send({ contactIds: [contact.id] }).expect(200, { matched: 1, added: 0 });
    await http().delete(members).set(agent.auth).send({ contactIds: [contact.id] }).expect(200);
    expect((await timeline()).map((e) => e.type)).toEqual(['removed-from-campaign', 'added-to-campaign', 'removed-from-campaign', 'added-to-campaign']);

    // Another agent's removal request finds nothing of this campaign.
    const other = await registerAgent(testApp.app, 'Other');
    await http().delete(members).set(other.auth).send({ contactIds: [contact.id] }).expect(404);
  });

  it('applies bulk actions to a selection or a filter and answers counts', async () => {
    const bulkAgent = await registerAgent(testApp.app, 'Bulk');
    const made = await Promise.all([1, 2, 3, 4].map((n) => create({ firstName: `Bulk${n}`, phones: [{ number: `442-555-010${n}` }] }, bulkAgent).expect(201)));
    const ids = made.map((r) => r.body.id as string);
    const bulk = (body: object) => http().post('/api/v1/contacts/bulk').set(bulkAgent.auth).send(body);

    expect((await bulk({ action: 'tag', ids: ids.slice(0, 2), tags: ['Hot'] }).expect(200)).body).toEqual({ action: 'tag', matched: 2, modified: 2 });
    expect((await bulk({ action: 'tag', ids, tags: ['hot'] }).expect(200)).body).toEqual({ action: 'tag', matched: 4, modified: 2 });
    expect((await bulk({ action: 'untag', filter: { search: 'bulk1' }, tags: ['hot'] }).expect(200)).body).toMatchObject({ matched: 1, modified: 1 });

    const campaignId = await insertCampaign(testApp.app, bulkAgent, 'Bulk campaign');
    expect((await bulk({ action: 'add-to-campaign', filter: { tag: 'hot' }, campaignId }).expect(200)).body).toMatchObject({ matched: 3, modified: 3 });
    expect((await list({ campaignId }, bulkAgent)).body.total).toBe(3);
    expect((await bulk({ action: 'mark-do-not-contact', ids: [ids[3]], reason: 'Asked' }).expect(200)).body).toMatchObject({ matched: 1, modified: 1 });
    expect((await list({ doNotContact: true }, bulkAgent)).body.items[0]).toMatchObject({ id: ids[3], doNotContactReason: 'Asked' });

    expect((await bulk({ action: 'tag', tags: ['x'] }).expect(400)).body.code).toBe('BULK_SELECTION_INVALID');
    expect((await bulk({ action: 'delete', filter: { doNotContact: true } }).expect(200)).body).toMatchObject({ matched: 1, modified: 1 });
    expect((await list({}, bulkAgent)).body.total).toBe(3);
  });

  it("never shows or changes another agent's contact: 404, never 403 or data", async () => {
    const owner = await registerAgent(testApp.app, 'Owner');
    const intruder = await registerAgent(testApp.app, 'Intruder');
    const contact = (await create({ firstName: 'Private', phones: [{ number: '415-555-0100' }] }, owner).expect(201)).body;
    const as = (req: request.Test) => req.set(intruder.auth);
    const calls = [
      as(http().get(`/api/v1/contacts/${contact.id}`)),
      as(http().patch(`/api/v1/contacts/${contact.id}`).send({ firstName: 'Pwned' })),
      as(http().delete(`/api/v1/contacts/${contact.id}`)),
      as(http().get(`/api/v1/contacts/${contact.id}/timeline`)),
      as(http().get(`/api/v1/contacts/${contact.id}/campaigns`)),
      as(http().post(`/api/v1/contacts/${contact.id}/opt-out`).send({})),
      as(http().put(`/api/v1/contacts/${contact.id}/consent`).send({ channel: 'sms', status: 'granted', source: 'x' })),
      as(http().get('/api/v1/contacts/not-an-id')),
    ];
    for (const response of await Promise.all(calls)) {
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('NOT_FOUND');
    }
    // The same number is free for the intruder: dedupe is per agent.
    await create({ firstName: 'Mine', phones: [{ number: '415-555-0100' }] }, intruder).expect(201);
    expect((await list({ search: 'private' }, intruder)).body.total).toBe(0);
    expect((await http().post('/api/v1/contacts/bulk').set(intruder.auth).send({ action: 'delete', ids: [contact.id] }).expect(200)).body).toMatchObject({ matched: 0, modified: 0 });
    const ownCampaign = await insertCampaign(testApp.app, owner, 'Owner campaign');
    const mine = (await list({}, intruder)).body.items[0].id;
    expect((await http().post(`/api/v1/contacts/${mine}/campaigns`).set(intruder.auth).send({ campaignId: ownCampaign }).expect(404)).body.code).toBe('CAMPAIGN_NOT_FOUND');
    expect((await http().get(`/api/v1/contacts/${contact.id}`).set(owner.auth).expect(200)).body.firstName).toBe('Private');
  });
});
