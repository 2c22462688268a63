import { SMS_CHANNEL, SmsChannelPort, SmsMessage } from '@cadence/api-channel';
import { RunCampaignClockUseCase } from '@cadence/api-strategy';
import { INestApplicationContext } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { ApiAndWorker, startApiAndWorker } from './api-and-worker';

interface Agent {
  id: string;
  email: string;
  auth: { Authorization: string };
}

/** Tuesday 2026-03-10 19:00 UTC: noon in Los Angeles. Each test moves it forward as it needs. */
const START = Date.parse('2026-03-10T19:00:00Z');
let nowMs = START;
const clock = { now: () => new Date(nowMs) };
const HOUR = 3600_000;

describe('the campaign clock, strategy schedule and test sends, campaign contacts and activity (API + worker)', () => {
  let stack: ApiAndWorker;
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let campaignClock: RunCampaignClockUseCase;
  let calls: SmsMessage[];
  let registered = 0;
  const http = () => request(api.getHttpServer());

  beforeAll(async () => {
    stack = await startApiAndWorker({ clock });
    ({ api, worker } = stack);
    campaignClock = worker.get(RunCampaignClockUseCase);
    const sms = worker.get<SmsChannelPort>(SMS_CHANNEL);
    const send = sms.send.bind(sms);
    jest.spyOn(sms, 'send').mockImplementation(async (message, credentials) => {
      calls.push(message);
      return send(message, credentials);
    });
  }, 60_000);

  afterAll(async () => {
    jest.restoreAllMocks();
    await stack?.close();
  });

  beforeEach(() => {
    nowMs = START;
    calls = [];
  });

  async function registerAgent(): Promise<Agent> {
    registered += 1;
    const email = `clock${registered}@example.com`;
    const response = await http().post('/api/v1/auth/register').send({ email, password: 'correct horse battery', name: 'Agent' }).expect(201);
    return { id: response.body.user.id, email, auth: { Authorization: `Bearer ${response.body.accessToken}` } };
  }

  async function contact(agent: Agent, firstName: string, phone: string, tags: string[] = []): Promise<string> {
    const body = { firstName, phones: [{ number: phone }], tags, propertyAddress: { street: '1 Palm Way', city: 'Palm Desert', state: 'CA', zip: '92260' } };
    const id = (await http().post('/api/v1/contacts').set(agent.auth).send(body).expect(201)).body.id as string;
    await http().put(`/api/v1/contacts/${id}/consent`).set(agent.auth).send({ channel: 'sms', status: 'granted', source: 'open-house sign-in sheet' }).expect(200);
    return id;
  }

  async function campaignWith(agent: Agent, contactIds: string[], settings: object, steps: object[] = [{ variants: [{ key: 'A', body: 'Hi {{firstName}}, a quick question about your home?' }] }]) {
    const campaignId = (await http().post('/api/v1/campaigns').set(agent.auth).send({ name: 'Clocked', ...settings }).expect(201)).body.id as string;
    if (contactIds.length > 0) await http().post(`/api/v1/campaigns/${campaignId}/contacts`).set(agent.auth).send({ contactIds }).expect(200);
    await http().post(`/api/v1/campaigns/${campaignId}/approve`).set(agent.auth).expect(200);
    const launched = (await http().post(`/api/v1/campaigns/${campaignId}/launch`).set(agent.auth).expect(200)).body.status as string;
    const strategyId = (await http().post(`/api/v1/campaigns/${campaignId}/strategies`).set(agent.auth).send({ type: 'text', name: 'Texts', steps }).expect(201)).body.id as string;
    return { campaignId, strategyId, launched, base: `/api/v1/campaigns/${campaignId}/strategies/${strategyId}` };
  }

  async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting; last: ${JSON.stringify(value)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const campaign = (agent: Agent, id: string) => http().get(`/api/v1/campaigns/${id}`).set(agent.auth).expect(200).then((r) => r.body);
  const status = (agent: Agent, base: string) => http().get(`${base}/status`).set(agent.auth).expect(200).then((r) => r.body);
  const activity = (agent: Agent, id: string) => http().get(`/api/v1/campaigns/${id}/activity`).set(agent.auth).expect(200).then((r) => r.body);
  const types = (feed: { items: { type: string }[] }) => feed.items.map((a) => a.type);

  it('starts a scheduled campaign when its start date arrives in its own time zone, then completes it when every send is done', async () => {
    const agent = await registerAgent();
    const ids = [await contact(agent, 'Ann', '+14155551001'), await contact(agent, 'Bob', '+14155551002')];
    const { campaignId, base, launched } = await campaignWith(agent, ids, { schedule: { timeZone: 'America/Los_Angeles', startDate: '2026-03-11' } });
    expect(launched).toBe('scheduled');
    await http().post(`${base}/deploy`).set(agent.auth).expect(202);
    // Deployed into a campaign that has not started: the executions exist and wait, nothing is sent.
    await waitFor(() => status(agent, base), (s) => s.executions.deferred === 2);
    await campaignClock.execute();
    expect((await campaign(agent, campaignId)).status).toBe('scheduled');

    // 06:00 UTC on the 11th is still the 10th (23:00) in Los Angeles.
    nowMs = Date.parse('2026-03-11T06:00:00Z');
    await campaignClock.execute();
    expect((await campaign(agent, campaignId)).status).toBe('scheduled');

    nowMs = Date.parse('2026-03-11T19:00:00Z');
    await campaignClock.execute();
    expect((await campaign(agent, campaignId)).status).toBe('active');
    await waitFor(() => status(agent, base), (s) => s.executions.sent === 2);
    expect(calls.map((c) => c.to).sort()).toEqual(['+14155551001', '+14155551002']);

    const done = await waitFor(
      async () => {
        await campaignClock.execute();
        return campaign(agent, campaignId);
      },
      (c) => c.status === 'completed',
    );
    expect(done.completedAt).toBe('2026-03-11T19:00:00.000Z');
    expect((await status(agent, base)).status).toBe('completed');
    const feed = await activity(agent, campaignId);
    expect(types(feed).slice(0, 3)).toEqual(['completed', 'strategy_completed', 'started']);
    expect(types(feed)).toEqual(expect.arrayContaining(['approved', 'scheduled', 'strategy_deployed', 'contacts_added']));
    expect(feed.items[0].message).toContain('every strategy has finished');
  }, 60_000);

  it('starts a campaign once when two workers tick at the same moment', async () => {
    const agent = await registerAgent();
    const { campaignId } = await campaignWith(agent, [], { schedule: { timeZone: 'UTC', startDate: '2026-03-12' } });
    nowMs = Date.parse('2026-03-12T12:00:00Z');
    await Promise.all([campaignClock.execute(), campaignClock.execute(), campaignClock.execute()]);
    expect((await campaign(agent, campaignId)).status).toBe('active');
    expect(types(await activity(agent, campaignId)).filter((t) => t === 'started')).toHaveLength(1);
  });

  it('deploys a strategy at its scheduled time and not before', async () => {
    const agent = await registerAgent();
    const id = await contact(agent, 'Cal', '+14155551101');
    const { campaignId, base } = await campaignWith(agent, [id], {});
    const past = await http().post(`${base}/schedule`).set(agent.auth).send({ at: new Date(nowMs - 60_000).toISOString() }).expect(400);
    expect(past.body.code).toBe('STRATEGY_INVALID_SCHEDULE');
    const at = new Date(nowMs + HOUR).toISOString();
    expect((await http().post(`${base}/schedule`).set(agent.auth).send({ at }).expect(200)).body).toMatchObject({ status: 'scheduled', scheduledFor: at, deployedAt: null });

    nowMs += HOUR / 2;
    await campaignClock.execute();
    expect((await status(agent, base)).status).toBe('scheduled');
    expect(calls).toHaveLength(0);

    nowMs += HOUR;
    await campaignClock.execute();
    expect((await status(agent, base)).status).toBe('active');
    await waitFor(() => status(agent, base), (s) => s.executions.sent === 1);
    expect(calls.map((c) => c.to)).toEqual(['+14155551101']);
    const feed = await activity(agent, campaignId);
    expect(feed.items.find((a: { type: string }) => a.type === 'strategy_deployed').message).toContain('on schedule');
    expect(feed.items.find((a: { type: string }) => a.type === 'strategy_scheduled').message).toContain('scheduled to deploy');
    // Deployed: it cannot be scheduled again.
    expect((await http().post(`${base}/schedule`).set(agent.auth).send({ at: new Date(nowMs + HOUR).toISOString() }).expect(409)).body.code).toBe('STRATEGY_ILLEGAL_TRANSITION');
  }, 60_000);

  it('completes a campaign whose end date has passed and cancels the sends that had not gone out', async () => {
    const agent = await registerAgent();
    const id = await contact(agent, 'Dee', '+14155551201');
    const steps = [{ variants: [{ key: 'A', body: 'Hi {{firstName}}' }] }, { delayDays: 3, variants: [{ key: 'A', body: 'Following up' }] }];
    const { campaignId, base } = await campaignWith(agent, [id], { schedule: { timeZone: 'America/Los_Angeles', endDate: '2026-03-12' } }, steps);
    await http().post(`${base}/deploy`).set(agent.auth).expect(202);
    await waitFor(() => status(agent, base), (s) => s.executions.sent === 1 && s.executions.queued === 1);

    nowMs = Date.parse('2026-03-12T23:00:00Z');
    await campaignClock.execute();
    expect((await campaign(agent, campaignId)).status).toBe('active');

    nowMs = Date.parse('2026-03-13T19:00:00Z');
    await campaignClock.execute();
    const ended = await campaign(agent, campaignId);
    expect(ended.status).toBe('completed');
    expect((await status(agent, base)).executions).toMatchObject({ sent: 1, queued: 0, cancelled: 1 });
    const [followUp] = (await http().get(`${base}/executions`).set(agent.auth).query({ status: 'cancelled' }).expect(200)).body.items;
    expect(followUp).toMatchObject({ step: 1, reasonCode: 'campaign_ended' });
    expect((await activity(agent, campaignId)).items[0]).toMatchObject({ type: 'completed', message: expect.stringContaining('end date 2026-03-12') });
  }, 60_000);

  it('sends a test to the agent\'s own phone through the channel port without counting it as a campaign send', async () => {
    const agent = await registerAgent();
    const id = await contact(agent, 'Eve', '+14155551301');
    const { campaignId, base } = await campaignWith(agent, [id], {});
    const queued = await http().post(`${base}/test`).set(agent.auth).send({ to: '(415) 555-1399' }).expect(202);
    expect(queued.body).toMatchObject({ channel: 'sms', to: '+14155551399', contactId: id, step: 0, variant: 'A' });
    const feed = await waitFor(() => activity(agent, campaignId), (f) => types(f).includes('test_sent'));
    expect(feed.items[0]).toMatchObject({ type: 'test_sent', data: { testId: queued.body.testId, to: '+14155551399', provider: 'twilio' } });
    expect(calls).toEqual([expect.objectContaining({ to: '+14155551399', body: expect.stringContaining('Hi Eve') })]);
    expect((await campaign(agent, campaignId)).stats.sms).toMatchObject({ sent: 0, costUsd: 0 });
    expect((await status(agent, base)).total).toBe(0);

    const refused = await http().post(`${base}/test`).set(agent.auth).send({}).expect(400);
    expect(refused.body.code).toBe('STRATEGY_INVALID_TEST_REQUEST');
    await http().post(`${base}/test`).set(agent.auth).send({ to: '+14155551399', step: 3 }).expect(400);
  }, 30_000);

  it('removes contacts by ids or filter, cancelling their pending sends, adds them back, and deletes a draft\'s memberships', async () => {
    const agent = await registerAgent();
    const ann = await contact(agent, 'Ann', '+14155551401', ['farm']);
    const bob = await contact(agent, 'Bob', '+14155551402', ['farm', 'hot']);
    const cy = await contact(agent, 'Cy', '+14155551403');
    const steps = [{ variants: [{ key: 'A', body: 'Hi {{firstName}}' }] }, { delayDays: 2, variants: [{ key: 'A', body: 'Following up' }] }];
    const { campaignId, base } = await campaignWith(agent, [], {}, steps);
    const contacts = `/api/v1/campaigns/${campaignId}/contacts`;
    expect((await http().post(contacts).set(agent.auth).send({ filter: { tag: 'farm' } }).expect(200)).body).toEqual({ matched: 2, added: 2 });
    await http().post(contacts).set(agent.auth).send({ contactIds: [cy] }).expect(200, { matched: 1, added: 1 });
    await http().post(`${base}/deploy`).set(agent.auth).expect(202);
    await waitFor(() => status(agent, base), (s) => s.executions.sent === 3 && s.executions.queued === 3);

    expect((await http().delete(contacts).set(agent.auth).send({ contactIds: [ann] }).expect(200)).body).toEqual({ removed: 1, cancelledExecutions: 1 });
    expect((await http().delete(contacts).set(agent.auth).send({ filter: { tag: 'hot' } }).expect(200)).body).toEqual({ removed: 1, cancelledExecutions: 1 });
    expect((await http().delete(contacts).set(agent.auth).send({ contactIds: [ann] }).expect(200)).body).toEqual({ removed: 0, cancelledExecutions: 0 });
    expect((await http().delete(contacts).set(agent.auth).send({}).expect(400)).body.code).toBe('CAMPAIGN_CONTACT_SELECTION_INVALID');
    const left = (await http().get(contacts).set(agent.auth).expect(200)).body;
    expect(left.items.map((m: { contactId: string }) => m.contactId)).toEqual([cy]);
    expect((await status(agent, base)).executions).toMatchObject({ sent: 3, queued: 1, cancelled: 2 });
    expect((await http().get('/api/v1/contacts').set(agent.auth).query({ notInCampaign: campaignId }).expect(200)).body.total).toBe(2);

    // Adding a removed contact again makes it a member again.
    expect((await http().post(contacts).set(agent.auth).send({ contactIds: [ann] }).expect(200)).body).toEqual({ matched: 1, added: 1 });
    expect((await http().get(contacts).set(agent.auth).expect(200)).body.total).toBe(2);
    expect((await http().get('/api/v1/contacts').set(agent.auth).query({ campaignId }).expect(200)).body.total).toBe(2);
    expect(types(await activity(agent, campaignId))).toEqual(expect.arrayContaining(['contacts_removed', 'contacts_added']));

    const draft = (await http().post('/api/v1/campaigns').set(agent.auth).send({ name: 'Draft to delete' }).expect(201)).body.id;
    await http().post(`/api/v1/campaigns/${draft}/contacts`).set(agent.auth).send({ contactIds: [ann, bob] }).expect(200);
    await http().delete(`/api/v1/campaigns/${draft}`).set(agent.auth).expect(204);
    expect((await http().get('/api/v1/contacts').set(agent.auth).query({ campaignId: draft }).expect(200)).body.total).toBe(0);
    const annCampaigns = (await http().get(`/api/v1/contacts/${ann}/campaigns`).set(agent.auth).expect(200)).body;
    expect(JSON.stringify(annCampaigns)).not.toContain(draft);
  }, 60_000);

  it('plans sends beyond the daily cap on later days', async () => {
    const agent = await registerAgent();
    const ids = [await contact(agent, 'P1', '+14155551501'), await contact(agent, 'P2', '+14155551502'), await contact(agent, 'P3', '+14155551503')];
    const campaignId = (await http().post('/api/v1/campaigns').set(agent.auth).send({ name: 'Capped', schedule: { timeZone: 'America/Los_Angeles', dailyCap: 2 } }).expect(201)).body.id;
    await http().post(`/api/v1/campaigns/${campaignId}/contacts`).set(agent.auth).send({ contactIds: ids }).expect(200);
    await http().post(`/api/v1/campaigns/${campaignId}/strategies`).set(agent.auth).send({ type: 'text', steps: [{ variants: [{ key: 'A', body: 'Hi {{firstName}}' }] }] }).expect(201);
    const plan = (await http().get(`/api/v1/campaigns/${campaignId}/plan`).set(agent.auth).expect(200)).body;
    const planned = plan.items.map((i: { plannedAt: string }) => i.plannedAt).sort();
    // Two fit today (noon in Los Angeles); the third waits for the next day's legal calling hours.
    expect(planned).toEqual(['2026-03-10T12:00:00.000-07:00', '2026-03-10T12:00:00.000-07:00', '2026-03-11T08:00:00.000-07:00']);
    expect(plan.items.find((i: { plannedAt: string }) => i.plannedAt.startsWith('2026-03-11'))).toMatchObject({ outcome: 'send', reasonCode: 'daily_cap' });
    expect(plan.totals).toMatchObject({ sends: 3, excluded: 0 });
  });

  it('keeps each agent\'s activity to itself', async () => {
    const owner = await registerAgent();
    const other = await registerAgent();
    const { campaignId, base } = await campaignWith(owner, [], {});
    await http().get(`/api/v1/campaigns/${campaignId}/activity`).set(other.auth).expect(404);
    await http().post(`${base}/test`).set(other.auth).send({ to: '+14155551399' }).expect(404);
    await http().post(`${base}/schedule`).set(other.auth).send({ at: new Date(nowMs + HOUR).toISOString() }).expect(404);
    await http().delete(`/api/v1/campaigns/${campaignId}/contacts`).set(other.auth).send({ filter: {} }).expect(404);
  });
});
