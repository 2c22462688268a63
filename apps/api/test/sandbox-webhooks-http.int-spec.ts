import { ProviderName, SANDBOX_EVENT_SINK, SandboxEventSink, SandboxWebhookUnreachableError, SignedWebhookRequest } from '@cadence/api-channel';
import { INestApplicationContext } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Connection, Types } from 'mongoose';
import request from 'supertest';
import { ApiAndWorker, startApiAndWorker } from './api-and-worker';

interface Agent {
  auth: { Authorization: string };
}

/** Tuesday 2026-03-10 19:00 UTC: midday in every US zone, inside the legal calling hours. */
const clock = { now: () => new Date('2026-03-10T19:00:00Z') };

describe('sandbox provider webhooks over HTTP (API listening on a local port, worker in-process)', () => {
  let stack: ApiAndWorker;
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let db: Connection;
  let publicPort: number;
  let publicUrl: string;
  /** Every post the sandbox providers made, and how it ended. */
  let posts: { provider: ProviderName; url: string; outcome: 'accepted' | 'unreachable' | 'refused' }[];
  let registered = 0;
  const http = () => request(api.getHttpServer());

  beforeAll(async () => {
    stack = await startApiAndWorker({ clock, env: { CHANNEL_SANDBOX_EVENT_DELAY_MS: '300' } });
    ({ api, worker } = stack);
    publicUrl = stack.publicUrl as string;
    publicPort = Number(new URL(publicUrl).port);
    db = api.get<Connection>(getConnectionToken());
    // The real HTTP sink, observed: what it posted where, and whether our API took it.
    const sink = worker.get<SandboxEventSink>(SANDBOX_EVENT_SINK, { strict: false });
    const deliver = sink.deliver.bind(sink);
    posts = [];
    jest.spyOn(sink, 'deliver').mockImplementation(async (provider: ProviderName, signed: SignedWebhookRequest) => {
      try {
        await deliver(provider, signed);
        posts.push({ provider, url: signed.url, outcome: 'accepted' });
      } catch (error) {
        posts.push({ provider, url: signed.url, outcome: error instanceof SandboxWebhookUnreachableError ? 'unreachable' : 'refused' });
        throw error;
      }
    });
  }, 60_000);

  afterAll(async () => {
    await stack?.close();
  });

  /** The API stops answering on its public port (a restart), and comes back on the same one. */
  const server = () => api.getHttpServer();
  function takeApiDown(): void {
    server().close();
    // Keep-alive connections would otherwise still reach it.
    server().closeAllConnections();
  }
  const bringApiBack = () => new Promise<void>((resolve) => server().listen(publicPort, '127.0.0.1', resolve));

  async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting; last: ${JSON.stringify(value)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function registerAgent(): Promise<Agent> {
    registered += 1;
    const response = await http().post('/api/v1/auth/register').send({ email: `sandbox-http${registered}@example.com`, password: 'correct horse battery', name: 'Agent' }).expect(201);
    return { auth: { Authorization: `Bearer ${response.body.accessToken}` } };
  }

  /** A launched campaign with one consenting contact and a one-step text strategy, deployed. */
  async function deployText(agent: Agent, phone: string): Promise<{ campaignId: string; base: string }> {
    const contact = { firstName: 'Ann', phones: [{ number: phone }], propertyAddress: { street: '1 Palm Way', city: 'Palm Desert', state: 'CA', zip: '92260' } };
    const contactId = (await http().post('/api/v1/contacts').set(agent.auth).send(contact).expect(201)).body.id as string;
    await http().put(`/api/v1/contacts/${contactId}/consent`).set(agent.auth).send({ channel: 'sms', status: 'granted', source: 'open-house sign-in sheet' }).expect(200);
    const campaignId = (await http().post('/api/v1/campaigns').set(agent.auth).send({ name: 'Sandbox over HTTP' }).expect(201)).body.id as string;
    await http().post(`/api/v1/campaigns/${campaignId}/contacts`).set(agent.auth).send({ contactIds: [contactId] }).expect(200);
    await http().post(`/api/v1/campaigns/${campaignId}/approve`).set(agent.auth).expect(200);
    await http().post(`/api/v1/campaigns/${campaignId}/launch`).set(agent.auth).expect(200);
    const strategy = { type: 'text', steps: [{ variants: [{ key: 'A', body: 'Hi {{firstName}}, a quick question about your home?' }] }] };
    const strategyId = (await http().post(`/api/v1/campaigns/${campaignId}/strategies`).set(agent.auth).send(strategy).expect(201)).body.id as string;
    const base = `/api/v1/campaigns/${campaignId}/strategies/${strategyId}`;
    await http().post(`${base}/deploy`).set(agent.auth).expect(202);
    return { campaignId, base };
  }

  /** Read from the database: the API may be down. */
  const executionOf = (campaignId: string) => db.collection('executions').findOne({ campaignId: new Types.ObjectId(campaignId) });
  const storedEvents = (messageId: string) =>
    db
      .collection('webhookEvents')
      .find({ provider: 'twilio', eventId: { $regex: `^${messageId}:` } })
      .toArray();
  const smsStats = async (agent: Agent, campaignId: string) => (await http().get(`/api/v1/campaigns/${campaignId}`).set(agent.auth).expect(200)).body.stats.sms;

  it("takes a sandbox send's status callbacks through the public Twilio route: verified, stored once, applied, counted once", async () => {
    const agent = await registerAgent();
    const { campaignId, base } = await deployText(agent, '+14155550301');
    await waitFor(() => http().get(`${base}/status`).set(agent.auth).expect(200).then((r) => r.body), (s) => s.delivery.delivered === 1);

    const [execution] = (await http().get(`${base}/executions`).set(agent.auth).expect(200)).body.items;
    expect(execution).toMatchObject({ status: 'sent', deliveryStatus: 'delivered', deliveredAt: expect.any(String) });
    const events = await waitFor(() => storedEvents(execution.providerMessageId), (found) => found.length === 2 && found.every((e) => e['status'] === 'applied'));
    expect(events.map((e) => e['eventId']).sort()).toEqual([`${execution.providerMessageId}:delivered`, `${execution.providerMessageId}:sent`]);
    // Posted to the URL the send gave Twilio as its StatusCallback, the one the signature covers.
    expect(posts.filter((p) => p.outcome === 'accepted').map((p) => p.url)).toEqual([
      `${publicUrl}/api/webhooks/twilio/status?executionId=${execution.id}`,
      `${publicUrl}/api/webhooks/twilio/status?executionId=${execution.id}`,
    ]);

    // Nothing arrives twice: the counter stays at one once the sandbox has nothing left to send.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await smsStats(agent, campaignId)).toMatchObject({ sent: 1, delivered: 1 });
  });

  it('keeps retrying an event while the API is down and delivers it once the API is back', async () => {
    const agent = await registerAgent();
    posts = [];
    const { campaignId } = await deployText(agent, '+14155550302');
    takeApiDown();
    try {
      const sent = await waitFor(() => executionOf(campaignId), (e) => e?.['status'] === 'sent' && typeof e['providerMessageId'] === 'string');
      // The sandbox tried (Twilio's "sent" callback at least) and found nobody listening.
      await waitFor(async () => posts.filter((p) => p.outcome === 'unreachable').length, (n) => n >= 2);
      expect(await storedEvents(sent?.['providerMessageId'])).toHaveLength(0);
      // Still what Twilio answered the send with.
      expect((await executionOf(campaignId))?.['deliveryStatus']).toBe('queued');
    } finally {
      await bringApiBack();
    }

    const delivered = await waitFor(() => executionOf(campaignId), (e) => e?.['deliveryStatus'] === 'delivered', 30_000);
    expect(delivered?.['deliveredAt']).toBeInstanceOf(Date);
    const events = await waitFor(() => storedEvents(delivered?.['providerMessageId']), (found) => found.length === 2 && found.every((e) => e['status'] === 'applied'));
    expect(events).toHaveLength(2);
    expect(posts.some((p) => p.outcome === 'refused')).toBe(false);
    expect(await smsStats(agent, campaignId)).toMatchObject({ sent: 1, delivered: 1 });
  }, 60_000);
});
