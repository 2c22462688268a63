import { QueueName } from '@cadence/api-core';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { SMS_CHANNEL, SmsChannelPort, SmsMessage, TransientProviderError } from '@cadence/api-channel';
import { INestApplicationContext } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { ApiAndWorker, startApiAndWorker } from './api-and-worker';

interface Agent {
  id: string;
  auth: { Authorization: string };
}

/** Tuesday 2026-03-10 19:00 UTC: midday in every US zone, inside the legal calling hours. */
const clock = { now: () => new Date('2026-03-10T19:00:00Z') };

describe('the send path on sandbox providers (API + worker, embedded MongoDB, real Redis)', () => {
  let stack: ApiAndWorker;
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let sms: SmsChannelPort;
  let calls: { to: string; at: number }[];
  let registered = 0;
  const http = () => request(api.getHttpServer());

  beforeAll(async () => {
    stack = await startApiAndWorker({ clock });
    ({ api, worker } = stack);
    sms = worker.get<SmsChannelPort>(SMS_CHANNEL);
  }, 60_000);

  afterAll(async () => {
    await stack?.close();
  });

  /** Every provider call is recorded; `failFirst` makes the next n calls to a number answer 500. */
  let failFirst: Map<string, number>;
  let slowMs: number;
  /** Calls to this number hang until `release`, then fail like a dropped connection. */
  let hangOn: { to: string; released: Promise<void> } | null;
  beforeEach(() => {
    calls = [];
    failFirst = new Map();
    slowMs = 0;
    hangOn = null;
    const send = sms.send.bind(sms);
    jest.spyOn(sms, 'send').mockImplementation(async (message: SmsMessage, credentials) => {
      calls.push({ to: message.to, at: Date.now() });
      const failures = failFirst.get(message.to) ?? 0;
      if (failures > 0) {
        failFirst.set(message.to, failures - 1);
        throw new TransientProviderError('Twilio answered 500', { provider: 'twilio', httpStatus: 500 });
      }
      if (hangOn?.to === message.to) {
        await hangOn.released;
        throw new TransientProviderError('connection reset', { provider: 'twilio' });
      }
      if (slowMs) await new Promise((resolve) => setTimeout(resolve, slowMs));
      return send(message, credentials);
    });
  });
  afterEach(() => jest.restoreAllMocks());

  async function registerAgent(): Promise<Agent> {
    registered += 1;
    const response = await http().post('/api/v1/auth/register').send({ email: `send${registered}@example.com`, password: 'correct horse battery', name: 'Agent' }).expect(201);
    return { id: response.body.user.id, auth: { Authorization: `Bearer ${response.body.accessToken}` } };
  }

  async function contact(agent: Agent, firstName: string, phone: string | null, consent = true): Promise<string> {
    const body = { firstName, ...(phone ? { phones: [{ number: phone }] } : {}), propertyAddress: { street: '1 Palm Way', city: 'Palm Desert', state: 'CA', zip: '92260' } };
    const id = (await http().post('/api/v1/contacts').set(agent.auth).send(body).expect(201)).body.id as string;
    if (consent) await http().put(`/api/v1/contacts/${id}/consent`).set(agent.auth).send({ channel: 'sms', status: 'granted', source: 'open-house sign-in sheet' }).expect(200);
    return id;
  }

  /** A launched campaign with these contacts and a one-step text strategy. */
  async function textCampaign(agent: Agent, contactIds: string[], settings: object = {}): Promise<{ campaignId: string; strategyId: string; base: string }> {
    const campaignId = (await http().post('/api/v1/campaigns').set(agent.auth).send({ name: 'Send test', ...settings }).expect(201)).body.id;
    await http().post(`/api/v1/campaigns/${campaignId}/contacts`).set(agent.auth).send({ contactIds }).expect(200);
    await http().post(`/api/v1/campaigns/${campaignId}/approve`).set(agent.auth).expect(200);
    await http().post(`/api/v1/campaigns/${campaignId}/launch`).set(agent.auth).expect(200);
    const strategyId = (await http().post(`/api/v1/campaigns/${campaignId}/strategies`).set(agent.auth).send({ type: 'text', steps: [{ variants: [{ key: 'A', body: 'Hi {{firstName}}, a quick question about your home?' }] }] }).expect(201)).body.id;
    return { campaignId, strategyId, base: `/api/v1/campaigns/${campaignId}/strategies/${strategyId}` };
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

  const status = (agent: Agent, base: string) => http().get(`${base}/status`).set(agent.auth).expect(200).then((r) => r.body);
  const settled = (s: { executions: Record<string, number> }) => s.executions.pending + s.executions.queued + s.executions.sending === 0;

  it('sends from deploy to delivered, stores skips with reasons, fails a permanent error and suppresses the number', async () => {
    const agent = await registerAgent();
    const ann = await contact(agent, 'Ann', '+14155550101');
    const optedOut = await contact(agent, 'Otto', '+15005550004');
    const noConsent = await contact(agent, 'Nora', '+14155550103', false);
    const noPhone = await contact(agent, 'Pete', null);
    const { campaignId, base } = await textCampaign(agent, [ann, optedOut, noConsent, noPhone]);

    const deploy = await http().post(`${base}/deploy`).set(agent.auth).expect(202);
    expect(deploy.body).toMatchObject({ status: 'active', deployedAt: expect.any(String) });
    const final = await waitFor(() => status(agent, base), (s) => settled(s) && s.delivery.delivered === 1);
    expect(final).toMatchObject({ total: 4, executions: { sent: 1, failed: 1, skipped: 2 }, delivery: { delivered: 1 } });

    const executions = (await http().get(`${base}/executions`).set(agent.auth).expect(200)).body.items as { contactId: string; status: string; reasonCode: string; reason: string; costUsd: number; address: string }[];
    const of = (id: string) => executions.find((e) => e.contactId === id);
    expect(of(ann)).toMatchObject({ status: 'sent', address: '+14155550101', costUsd: expect.any(Number) });
    expect(of(ann)?.costUsd).toBeGreaterThan(0);
    expect(of(optedOut)).toMatchObject({ status: 'failed', reasonCode: 'opted_out', reason: expect.stringContaining('21610') });
    expect(of(noConsent)).toMatchObject({ status: 'skipped', reasonCode: 'no_consent', reason: expect.stringContaining('consent') });
    expect(of(noPhone)).toMatchObject({ status: 'skipped', reasonCode: 'no_phone' });
    const deadLetter = (await http().get(`${base}/executions`).set(agent.auth).query({ deadLetter: true }).expect(200)).body;
    expect(deadLetter.items.map((e: { contactId: string }) => e.contactId)).toEqual([optedOut]);

    const campaign = (await http().get(`/api/v1/campaigns/${campaignId}`).set(agent.auth).expect(200)).body;
    expect(campaign.stats.sms).toMatchObject({ sent: 1, delivered: 1, failed: 1, skipped: 0 });
    expect(campaign.budget.spentUsd).toBeCloseTo(of(ann)?.costUsd as number, 6);

    // The provider's opt-out holds in every later campaign: the number is suppressed, not tried again.
    const again = await textCampaign(agent, [optedOut]);
    const before = calls.length;
    await http().post(`${again.base}/deploy`).set(agent.auth).expect(202);
    await waitFor(() => status(agent, again.base), (s) => s.executions.skipped === 1);
    expect(calls.length).toBe(before);
  }, 60_000);

  it("shows each member's channel progress on the campaign's Contacts tab and in the contact's campaign history", async () => {
    const agent = await registerAgent();
    const ann = await contact(agent, 'Ann', '+14155550111');
    const optedOut = await contact(agent, 'Otto', '+15005550004');
    const noConsent = await contact(agent, 'Nora', '+14155550113', false);
    const { campaignId, base } = await textCampaign(agent, [ann, optedOut, noConsent]);
    type Member = { contactId: string; sms: string; email: string; channels: Record<string, { status: string; reasonCode: string | null; reason: string | null; statusAt: string | null }> };
    const members = () => http().get(`/api/v1/campaigns/${campaignId}/contacts`).set(agent.auth).expect(200).then((r) => r.body.items as Member[]);
    expect((await members()).map((m) => m.sms)).toEqual(['not-started', 'not-started', 'not-started']);

    await http().post(`${base}/deploy`).set(agent.auth).expect(202);
    const listed = await waitFor(members, (items) => items.find((m) => m.contactId === ann)?.sms === 'delivered' && items.find((m) => m.contactId === optedOut)?.sms === 'opted_out');
    const of = (id: string) => listed.find((m) => m.contactId === id) as Member;
    expect(of(ann)).toMatchObject({ sms: 'delivered', email: 'not-started', channels: { sms: { status: 'delivered', reasonCode: null, statusAt: expect.any(String) } } });
    expect(of(noConsent)).toMatchObject({ sms: 'skipped', channels: { sms: { status: 'skipped', reasonCode: 'no_consent', reason: expect.stringContaining('consent') } } });
    expect(of(optedOut).channels.sms).toMatchObject({ status: 'opted_out', reasonCode: 'opted_out', reason: expect.stringContaining('opt-out') });

    // The contact's own campaign history reads the same membership, and "last contacted" is set by the send.
    const history = (await http().get(`/api/v1/contacts/${ann}/campaigns`).set(agent.auth).expect(200)).body.items as { campaignId: string; channels: { sms: { status: string; sentAt: string | null; deliveredAt: string | null } } }[];
    expect(history.find((h) => h.campaignId === campaignId)?.channels.sms).toMatchObject({ status: 'delivered', sentAt: expect.any(String), deliveredAt: expect.any(String) });
    expect((await http().get(`/api/v1/contacts/${ann}`).set(agent.auth).expect(200)).body.campaignHistory.lastContactedAt).toEqual(expect.any(String));
    expect((await http().get(`/api/v1/contacts/${noConsent}`).set(agent.auth).expect(200)).body.campaignHistory.lastContactedAt).toBeNull();

    // Deploying again sends nothing new and moves nobody back to queued.
    await http().post(`${base}/deploy`).set(agent.auth).expect(202);
    await waitFor(() => status(agent, base), settled);
    expect((await members()).find((m) => m.contactId === ann)?.sms).toBe('delivered');
  }, 60_000);

  it('sends once when deployed twice', async () => {
    const agent = await registerAgent();
    const ids = [await contact(agent, 'A', '+14155550201'), await contact(agent, 'B', '+14155550202')];
    const { base } = await textCampaign(agent, ids);
    await http().post(`${base}/deploy`).set(agent.auth).expect(202);
    await http().post(`${base}/deploy`).set(agent.auth).expect(202);
    await waitFor(() => status(agent, base), (s) => settled(s) && s.executions.sent === 2);
    await http().post(`${base}/deploy`).set(agent.auth).expect(202);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const final = await status(agent, base);
    expect(final.total).toBe(2);
    expect(calls.map((c) => c.to).sort()).toEqual(['+14155550201', '+14155550202']);
  }, 60_000);

  it('retries a provider that answers 500 three times, then sends once', async () => {
    const agent = await registerAgent();
    const id = await contact(agent, 'Flaky', '+14155550301');
    failFirst.set('+14155550301', 3);
    const { base } = await textCampaign(agent, [id]);
    await http().post(`${base}/deploy`).set(agent.auth).expect(202);
    const final = await waitFor(() => status(agent, base), (s) => s.executions.sent === 1, 45_000);
    expect(final.executions).toMatchObject({ sent: 1, failed: 0 });
    expect(calls.filter((c) => c.to === '+14155550301')).toHaveLength(4);
    const [execution] = (await http().get(`${base}/executions`).set(agent.auth).expect(200)).body.items;
    expect(execution.attempts).toBe(4);
  }, 60_000);

  it('sends nothing after a pause returns, and the rest after resume', async () => {
    const agent = await registerAgent();
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await contact(agent, `C${i}`, `+141555506${String(i).padStart(2, '0')}`));
    slowMs = 150;
    const { base } = await textCampaign(agent, ids);
    await http().post(`${base}/deploy`).set(agent.auth).expect(202);
    await waitFor(async () => calls.length, (n) => n >= 1);
    await http().post(`${base}/pause`).set(agent.auth).expect(200);
    const pausedAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    // Sends already past their last status check may still start for an instant; none a second later.
    expect(calls.filter((c) => c.at > pausedAt + 1000)).toEqual([]);
    const afterPause = calls.length;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(calls).toHaveLength(afterPause);
    const held = await status(agent, base);
    expect(held.executions.sent).toBeLessThan(12);
    expect(held.executions.deferred + held.executions.queued).toBeGreaterThan(0);

    await http().post(`${base}/resume`).set(agent.auth).expect(200);
    const final = await waitFor(() => status(agent, base), (s) => s.executions.sent === 12, 30_000);
    expect(final.total).toBe(12);
    expect(new Set(calls.map((c) => c.to)).size).toBe(12);
    expect(calls).toHaveLength(12);
  }, 60_000);

  it('pauses the campaign when the budget is reached and holds the rest', async () => {
    const agent = await registerAgent();
    const ids = [await contact(agent, 'B1', '+14155550501'), await contact(agent, 'B2', '+14155550502'), await contact(agent, 'B3', '+14155550503')];
    // One SMS segment costs about $0.0145 (segment + carrier fee): the limit fits one send.
    const { campaignId, base } = await textCampaign(agent, ids, { budgetLimitUsd: 0.02 });
    await http().post(`${base}/deploy`).set(agent.auth).expect(202);
    const campaign = await waitFor(
      () => http().get(`/api/v1/campaigns/${campaignId}`).set(agent.auth).expect(200).then((r) => r.body),
      (c) => c.status === 'paused',
    );
    expect(campaign.pausedReason).toContain('Budget');
    const feed = (await http().get(`/api/v1/campaigns/${campaignId}/activity`).set(agent.auth).expect(200)).body;
    expect(feed.items.filter((a: { type: string }) => a.type === 'budget_reached')).toEqual([expect.objectContaining({ message: expect.stringContaining('Budget reached') })]);
    const final = await waitFor(() => status(agent, base), (s) => settled(s));
    expect(final.executions.sent).toBe(1);
    expect(final.executions.deferred).toBe(2);
    expect(calls).toHaveLength(1);
  }, 60_000);

  it('plans per contact and step in the contact\'s time zone, with exclusions and totals, sending nothing', async () => {
    const agent = await registerAgent();
    const ann = await contact(agent, 'Ann', '+14155550701');
    const nora = await contact(agent, 'Nora', '+14155550702', false);
    const campaignId = (
      await http()
        .post('/api/v1/campaigns')
        .set(agent.auth)
        .send({ name: 'Planned', schedule: { timeZone: 'America/Los_Angeles', dailyStart: '13:00', dailyEnd: '17:00' } })
        .expect(201)
    ).body.id;
    await http().post(`/api/v1/campaigns/${campaignId}/contacts`).set(agent.auth).send({ contactIds: [ann, nora] }).expect(200);
    await http()
      .post(`/api/v1/campaigns/${campaignId}/strategies`)
      .set(agent.auth)
      .send({ type: 'text', name: 'Texts', steps: [{ variants: [{ key: 'A', body: 'Hi {{firstName}}' }] }, { delayDays: 2, variants: [{ key: 'A', body: 'Again' }] }] })
      .expect(201);
    const plan = (await http().get(`/api/v1/campaigns/${campaignId}/plan`).set(agent.auth).expect(200)).body;
    const annSteps = plan.items.filter((i: { contactId: string }) => i.contactId === ann);
    // The clock says 12:00 in Los Angeles; the campaign's window opens at 13:00.
    expect(annSteps.map((i: { plannedAt: string }) => i.plannedAt)).toEqual(['2026-03-10T13:00:00.000-07:00', '2026-03-12T13:00:00.000-07:00']);
    expect(annSteps[0]).toMatchObject({ outcome: 'send', channel: 'sms', variant: 'A', timeZone: 'America/Los_Angeles', strategyName: 'Texts', reasonCode: 'outside_schedule' });
    expect(annSteps[0].estimatedCostUsd).toBeGreaterThan(0);
    expect(plan.items.filter((i: { contactId: string }) => i.contactId === nora)).toEqual([
      expect.objectContaining({ outcome: 'excluded', plannedAt: null, reasonCode: 'no_consent' }),
      expect.objectContaining({ outcome: 'excluded', reasonCode: 'no_consent' }),
    ]);
    expect(plan.totals).toMatchObject({ contacts: 2, messages: 4, sends: 2, excluded: 2, excludedByReason: [{ reasonCode: 'no_consent', count: 2 }], byChannel: [{ channel: 'sms', sends: 2 }] });
    expect(plan.total).toBe(2);
    expect(calls).toHaveLength(0);
  });

  it('marks an execution a dead worker left in sending as unknown instead of sending it again', async () => {
    const agent = await registerAgent();
    const id = await contact(agent, 'Crash', '+14155550801');
    let release: () => void = () => undefined;
    hangOn = { to: '+14155550801', released: new Promise<void>((resolve) => (release = resolve)) };
    const { base } = await textCampaign(agent, [id]);
    await http().post(`${base}/deploy`).set(agent.auth).expect(202);
    await waitFor(() => status(agent, base), (s) => s.executions.sending === 1);
    const [execution] = (await http().get(`${base}/executions`).set(agent.auth).expect(200)).body.items;

    // What Bull does with a dead worker's job: another worker runs it again.
    await worker.get<Queue>(getQueueToken(QueueName.SendSms)).add('send', { executionId: execution.id, userId: agent.id, teamId: null }, { jobId: `stalled-${execution.id}` });
    const reconciled = await waitFor(
      () => http().get(`${base}/executions`).set(agent.auth).expect(200).then((r) => r.body.items[0]),
      (e) => e.status === 'unknown',
    );
    expect(reconciled).toMatchObject({ reasonCode: 'interrupted', reason: expect.stringContaining('not resent') });
    expect(calls).toHaveLength(1);

    // The first call finally fails; it must not undo the reconciliation or retry.
    release();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await http().get(`${base}/executions`).set(agent.auth).query({ deadLetter: true }).expect(200)).body.items).toEqual([expect.objectContaining({ id: execution.id, status: 'unknown' })]);
    expect(calls).toHaveLength(1);
  }, 60_000);

  it('sends email (one-click unsubscribe over HTTPS) and ringless voicemail through their sandbox providers', async () => {
    const agent = await registerAgent();
    const id = (await http().post('/api/v1/contacts').set(agent.auth).send({ firstName: 'Eve', emails: ['eve@example.com'], phones: [{ number: '+14155550901' }], propertyAddress: { street: '1 Palm Way', city: 'Palm Desert', state: 'CA', zip: '92260' } }).expect(201)).body.id;
    await http().put(`/api/v1/contacts/${id}/consent`).set(agent.auth).send({ channel: 'voice', status: 'granted', source: 'listing inquiry form' }).expect(200);
    const campaignId = (await http().post('/api/v1/campaigns').set(agent.auth).send({ name: 'Email and voicemail' }).expect(201)).body.id;
    await http().post(`/api/v1/campaigns/${campaignId}/contacts`).set(agent.auth).send({ contactIds: [id] }).expect(200);
    await http().post(`/api/v1/campaigns/${campaignId}/approve`).set(agent.auth).expect(200);
    await http().post(`/api/v1/campaigns/${campaignId}/launch`).set(agent.auth).expect(200);
    const strategies = `/api/v1/campaigns/${campaignId}/strategies`;
    const email = (
      await http()
        .post(strategies)
        .set(agent.auth)
        .send({ type: 'email', emailSender: { fromEmail: 'jane@desertrealty.test', fromName: 'Jane Agent', postalAddress: '73-000 El Paseo, Palm Desert, CA 92260' }, steps: [{ variants: [{ key: 'A', subject: 'Hi {{firstName}}', html: '<p>Hello</p>', text: 'Hello' }] }] })
        .expect(201)
    ).body.id;
    const voicemail = (await http().post(strategies).set(agent.auth).send({ type: 'voicemail', steps: [{ variants: [{ key: 'A', voiceId: 'voice-1', ttsBody: 'Hi {{firstName}}, this is Jane.' }] }] }).expect(201)).body.id;
    await http().post(`${strategies}/${email}/deploy`).set(agent.auth).expect(202);
    await http().post(`${strategies}/${voicemail}/deploy`).set(agent.auth).expect(202);
    await waitFor(() => status(agent, `${strategies}/${email}`), settled);
    await waitFor(() => status(agent, `${strategies}/${voicemail}`), settled);
    const [sentEmail] = (await http().get(`${strategies}/${email}/executions`).set(agent.auth).expect(200)).body.items;
    expect(sentEmail.reason).toBeNull();
    expect(sentEmail).toMatchObject({ channel: 'email', status: 'sent', address: 'eve@example.com', provider: 'sendgrid' });
    const [drop] = (await http().get(`${strategies}/${voicemail}/executions`).set(agent.auth).expect(200)).body.items;
    expect(drop).toMatchObject({ channel: 'voicemail', status: 'sent', address: '+14155550901', provider: 'dropcowboy' });
    expect(drop.costUsd).toBeGreaterThan(0);
    // The sandboxes' signed events arrive over HTTP at the API's webhook routes and move delivery forward.
    await waitFor(() => status(agent, `${strategies}/${email}`), (s) => s.delivery.delivered === 1);
    await waitFor(() => status(agent, `${strategies}/${voicemail}`), (s) => s.delivery.delivered === 1);
    const campaign = (await http().get(`/api/v1/campaigns/${campaignId}`).set(agent.auth).expect(200)).body;
    expect(campaign.stats.email.sent).toBe(1);
    expect(campaign.stats.voicemail).toMatchObject({ sent: 1, delivered: 1 });
    expect(campaign.stats.email).toMatchObject({ sent: 1, delivered: 1 });
  }, 60_000);

  it('refuses to deploy before the campaign is launched', async () => {
    const agent = await registerAgent();
    const campaignId = (await http().post('/api/v1/campaigns').set(agent.auth).send({ name: 'Not launched' }).expect(201)).body.id;
    const strategyId = (await http().post(`/api/v1/campaigns/${campaignId}/strategies`).set(agent.auth).send({ type: 'text', steps: [{ variants: [{ key: 'A', body: 'Hi' }] }] }).expect(201)).body.id;
    const refused = await http().post(`/api/v1/campaigns/${campaignId}/strategies/${strategyId}/deploy`).set(agent.auth).expect(409);
    expect(refused.body.code).toBe('STRATEGY_CAMPAIGN_NOT_RUNNING');
  });
});
