import { AuthConfig, loadConfig } from '@cadence/api-core';
import { callbackToken, ChannelConfig, sandboxAccounts, SandboxAccounts, signDropCowboyWebhook, signSendGridPayload, signTwilioRequest, SANDBOX_TWILIO_FROM } from '@cadence/api-channel';
import { getConnectionToken } from '@nestjs/mongoose';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { Connection } from 'mongoose';
import { createHmac, generateKeyPairSync } from 'node:crypto';
import request from 'supertest';
import { ApiAndWorker, startApiAndWorker } from './api-and-worker';

interface Agent {
  auth: { Authorization: string };
}

/** Tuesday 2026-03-10 19:00 UTC: midday in every US zone, inside the legal calling hours. */
const NOW = new Date('2026-03-10T19:00:00Z');
const clock = { now: () => NOW };
const BASE = 'https://cadence.test';
const nowSeconds = String(Math.floor(NOW.getTime() / 1000));

describe('provider webhooks, opt-outs and engagement (API + worker, embedded MongoDB, real Redis)', () => {
  let stack: ApiAndWorker;
  let api: NestExpressApplication;
  let db: Connection;
  let accounts: SandboxAccounts;
  let registered = 0;
  let phoneSeq = 0;
  const http = () => request(api.getHttpServer());

  beforeAll(async () => {
    // Sandbox events far in the future: only the webhooks these tests post move anything.
    stack = await startApiAndWorker({ clock, env: { CHANNEL_SANDBOX_EVENT_DELAY_MS: '3600000', PUBLIC_BASE_URL: BASE, ADMIN_EMAILS: 'admin@example.com' }, listen: false });
    ({ api } = stack);
    accounts = sandboxAccounts(loadConfig(ChannelConfig).CHANNEL_SANDBOX_SECRET);
    db = api.get<Connection>(getConnectionToken());
  }, 60_000);

  afterAll(async () => {
    await stack?.close();
  });

  async function registerAgent(email = `hooks${++registered}@example.com`): Promise<Agent> {
    const response = await http().post('/api/v1/auth/register').send({ email, password: 'correct horse battery', name: 'Agent' }).expect(201);
    return { auth: { Authorization: `Bearer ${response.body.accessToken}` } };
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

  /** A contact with a fresh phone (and an email), consenting to texts and voicemail. */
  async function contact(agent: Agent, firstName: string): Promise<{ id: string; phone: string; email: string }> {
    phoneSeq += 1;
    const phone = `+1415555${String(1000 + phoneSeq).padStart(4, '0')}`;
    const email = `${firstName.toLowerCase()}${phoneSeq}@example.com`;
    const body = { firstName, lastName: 'Owner', emails: [email], phones: [{ number: phone }], propertyAddress: { street: '1 Palm Way', city: 'Palm Desert', state: 'CA', zip: '92260' } };
    const id = (await http().post('/api/v1/contacts').set(agent.auth).send(body).expect(201)).body.id as string;
    for (const channel of ['sms', 'voice']) await http().put(`/api/v1/contacts/${id}/consent`).set(agent.auth).send({ channel, status: 'granted', source: 'open-house sign-in sheet' }).expect(200);
    return { id, phone, email };
  }

  async function launchedCampaign(agent: Agent, contactIds: string[]): Promise<string> {
    const campaignId = (await http().post('/api/v1/campaigns').set(agent.auth).send({ name: `Hooks ${registered}` }).expect(201)).body.id as string;
    await http().post(`/api/v1/campaigns/${campaignId}/contacts`).set(agent.auth).send({ contactIds }).expect(200);
    await http().post(`/api/v1/campaigns/${campaignId}/approve`).set(agent.auth).expect(200);
    await http().post(`/api/v1/campaigns/${campaignId}/launch`).set(agent.auth).expect(200);
    return campaignId;
  }

  const STRATEGY = {
    text: (steps: number[]) => ({ type: 'text', steps: steps.map((delayDays) => ({ delayDays, variants: [{ key: 'A', body: 'Hi {{firstName}}, a quick question about your home?' }] })) }),
    email: (steps: number[]) => ({
      type: 'email',
      emailSender: { fromEmail: 'jane@desertrealty.test', fromName: 'Jane Agent', postalAddress: '73-000 El Paseo, Palm Desert, CA 92260' },
      steps: steps.map((delayDays) => ({ delayDays, variants: [{ key: 'A', subject: 'Hi {{firstName}}', html: '<p>Hello</p>', text: 'Hello' }] })),
    }),
    voicemail: (steps: number[]) => ({ type: 'voicemail', steps: steps.map((delayDays) => ({ delayDays, variants: [{ key: 'A', voiceId: 'voice-1', ttsBody: 'Hi {{firstName}}, this is Jane.' }] })) }),
  };

  interface ExecutionView {
    id: string;
    step: number;
    status: string;
    reasonCode: string | null;
    reason: string | null;
    deliveryStatus: string | null;
    address: string | null;
    providerMessageId: string | null;
    notBefore: string;
    deliveredAt: string | null;
    openedAt: string | null;
  }

  /** Deploys a strategy and waits until its first step went out (later steps stay queued). */
  async function deploy(agent: Agent, campaignId: string, body: object): Promise<{ base: string; executions: () => Promise<ExecutionView[]> }> {
    const strategyId = (await http().post(`/api/v1/campaigns/${campaignId}/strategies`).set(agent.auth).send(body).expect(201)).body.id;
    const base = `/api/v1/campaigns/${campaignId}/strategies/${strategyId}`;
    await http().post(`${base}/deploy`).set(agent.auth).expect(202);
    const executions = async () => (await http().get(`${base}/executions`).query({ limit: 100 }).set(agent.auth).expect(200)).body.items as ExecutionView[];
    // Settled: nothing pending or mid-send, and whatever is still queued waits for a later day.
    await waitFor(executions, (items) => items.length > 0 && items.every((e) => ['sent', 'skipped', 'deferred'].includes(e.status) || (e.status === 'queued' && new Date(e.notBefore).getTime() > NOW.getTime())));
    return { base, executions };
  }

  const campaignStats = async (agent: Agent, campaignId: string) => (await http().get(`/api/v1/campaigns/${campaignId}`).set(agent.auth).expect(200)).body.stats;
  const getContact = async (agent: Agent, id: string) => (await http().get(`/api/v1/contacts/${id}`).set(agent.auth).expect(200)).body;
  const storedEvents = (filter: object) => db.collection('webhookEvents').countDocuments(filter);

  function twilioPost(path: string, fields: Record<string, string>, authToken = accounts.twilio.authToken, tamper?: (f: Record<string, string>) => Record<string, string>) {
    const signature = signTwilioRequest(authToken, `${BASE}${path}`, fields);
    const sent = tamper ? tamper(fields) : fields;
    return http().post(path).type('form').set('X-Twilio-Signature', signature).send(new URLSearchParams(sent).toString());
  }

  function sendGridPost(events: object[], options: { key?: ReturnType<typeof generateKeyPairSync>['privateKey']; timestamp?: string; tamper?: (body: string) => string } = {}) {
    const body = JSON.stringify(events);
    const timestamp = options.timestamp ?? nowSeconds;
    const signature = signSendGridPayload(options.key ?? accounts.sendgridSigningKey, timestamp, body);
    return http()
      .post('/api/webhooks/sendgrid')
      .set('Content-Type', 'application/json')
      .set('X-Twilio-Email-Event-Webhook-Signature', signature)
      .set('X-Twilio-Email-Event-Webhook-Timestamp', timestamp)
      .send(options.tamper ? options.tamper(body) : body);
  }

  function dropCowboyPost(envelope: object, options: { secret?: string; timestamp?: string; tamper?: (body: string) => string } = {}) {
    const body = JSON.stringify(envelope);
    const timestamp = options.timestamp ?? nowSeconds;
    return http()
      .post('/api/webhooks/dropcowboy')
      .set('Content-Type', 'application/json')
      .set('X-Signature', signDropCowboyWebhook(options.secret ?? accounts.dropcowboy.webhookSigningSecrets[0], timestamp, body))
      .set('X-Timestamp', timestamp)
      .send(options.tamper ? options.tamper(body) : body);
  }

  it('Twilio status callbacks: a valid one counts once however often it comes, out-of-order ones never move back, bad signatures store nothing', async () => {
    const agent = await registerAgent();
    const ann = await contact(agent, 'Ann');
    const campaignId = await launchedCampaign(agent, [ann.id]);
    const { executions } = await deploy(agent, campaignId, STRATEGY.text([0]));
    const [sent] = await executions();
    const path = `/api/webhooks/twilio/status?executionId=${sent.id}`;
    const delivered = { MessageSid: sent.providerMessageId as string, MessageStatus: 'delivered', To: ann.phone, From: SANDBOX_TWILIO_FROM, AccountSid: accounts.twilio.accountSid };

    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await twilioPost(path, delivered).expect(200)).body);
    expect(answers[0]).toEqual({ received: 1, duplicates: 0 });
    expect(answers.slice(1)).toEqual(Array(4).fill({ received: 1, duplicates: 1 }));
    await waitFor(() => executions(), ([e]) => e.deliveryStatus === 'delivered');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await campaignStats(agent, campaignId)).sms.delivered).toBe(1);
    expect(await storedEvents({ provider: 'twilio', eventId: `${sent.providerMessageId}:delivered` })).toBe(1);

    // `sent` arriving after `delivered` is stored and applied, but the state stays delivered.
    await twilioPost(path, { ...delivered, MessageStatus: 'sent' }).expect(200);
    await waitFor(() => storedEvents({ eventId: `${sent.providerMessageId}:sent`, status: 'applied' }), (n) => n === 1);
    expect((await executions())[0].deliveryStatus).toBe('delivered');

    const before = await storedEvents({ provider: 'twilio' });
    const tampered = await twilioPost(path, { ...delivered, MessageStatus: 'undelivered' }, undefined, (f) => ({ ...f, MessageStatus: 'failed' })).expect(401);
    expect(tampered.body.code).toBe('WEBHOOK_SIGNATURE_INVALID');
    await twilioPost(path, { ...delivered, MessageStatus: 'failed' }, 'f'.repeat(32)).expect(401);
    await http().post(path).type('form').send(new URLSearchParams({ ...delivered, MessageStatus: 'failed' }).toString()).expect(401);
    expect(await storedEvents({ provider: 'twilio' })).toBe(before);
  });

  it('keeps an event for a message it does not know yet and applies it once the execution carries that id', async () => {
    const agent = await registerAgent();
    const bea = await contact(agent, 'Bea');
    const campaignId = await launchedCampaign(agent, [bea.id]);
    const { executions } = await deploy(agent, campaignId, STRATEGY.text([0]));
    const [sent] = await executions();
    // Twilio's callback without our execution id, for a message id our send has not recorded yet.
    await twilioPost('/api/webhooks/twilio/status', { MessageSid: 'SMlate0000000000000000000000000001', MessageStatus: 'delivered', To: bea.phone, From: SANDBOX_TWILIO_FROM }).expect(200);
    await waitFor(() => storedEvents({ eventId: 'SMlate0000000000000000000000000001:delivered', status: 'unmatched' }), (n) => n === 1);
    await db.collection('executions').updateOne({ _id: new (await import('mongoose')).Types.ObjectId(sent.id) }, { $set: { providerMessageId: 'SMlate0000000000000000000000000001' } });
    await waitFor(() => executions(), ([e]) => e.deliveryStatus === 'delivered', 15_000);
    expect((await campaignStats(agent, campaignId)).sms.delivered).toBe(1);
  });

  it('SendGrid signed batches: engagement counted once per event, tampered, wrong-key and stale requests refused, an unsubscribe opts the contact out of email', async () => {
    const agent = await registerAgent();
    const cal = await contact(agent, 'Cal');
    const campaignId = await launchedCampaign(agent, [cal.id]);
    const { executions } = await deploy(agent, campaignId, STRATEGY.email([0]));
    const [sent] = await executions();
    const ts = Math.floor(NOW.getTime() / 1000);
    const batch = [
      { event: 'open', sg_event_id: `open-${sent.id}`, executionId: sent.id, email: cal.email, timestamp: ts - 10 },
      { event: 'delivered', sg_event_id: `dlv-${sent.id}`, executionId: sent.id, email: cal.email, timestamp: ts - 20 },
    ];
    expect((await sendGridPost(batch).expect(200)).body).toEqual({ received: 2, duplicates: 0 });
    for (let i = 0; i < 4; i++) await sendGridPost(batch).expect(200);
    await waitFor(() => executions(), ([e]) => e.deliveryStatus === 'opened');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await campaignStats(agent, campaignId)).email).toMatchObject({ engaged: 1 });
    // "delivered" was applied after "open" and did not move the status, but keeps its own time.
    expect((await executions())[0]).toMatchObject({ deliveryStatus: 'opened', openedAt: new Date((ts - 10) * 1000).toISOString(), deliveredAt: new Date((ts - 20) * 1000).toISOString() });

    const before = await storedEvents({ provider: 'sendgrid' });
    const { privateKey: wrongKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const unsubscribe = [{ event: 'unsubscribe', sg_event_id: `unsub-${sent.id}`, executionId: sent.id, email: cal.email, timestamp: ts }];
    await sendGridPost(unsubscribe, { tamper: (body) => body.replace('unsubscribe', 'open') }).expect(401);
    await sendGridPost(unsubscribe, { key: wrongKey }).expect(401);
    await sendGridPost(unsubscribe, { timestamp: String(ts - 600) }).expect(401);
    expect(await storedEvents({ provider: 'sendgrid' })).toBe(before);

    await sendGridPost(unsubscribe).expect(200);
    const optedOut = await waitFor(() => getContact(agent, cal.id), (c) => c.optOuts.email !== null);
    expect(optedOut.optOuts.email).toMatchObject({ source: 'sendgrid-unsubscribe' });
    expect(optedOut.optOuts.sms).toBeNull();
  });

  it('Drop Cowboy signed webhooks and per-send callbacks: valid ones applied, bad signatures, wrong secrets, stale timestamps and forged tokens refused, DNC codes opt out of voicemail', async () => {
    const agent = await registerAgent();
    const dee = await contact(agent, 'Dee');
    const campaignId = await launchedCampaign(agent, [dee.id]);
    const { executions } = await deploy(agent, campaignId, STRATEGY.voicemail([0]));
    const [sent] = await executions();
    const envelope = { event_id: `evt-${sent.id}`, event: 'contact.rvm.status', event_at: NOW.getTime(), data: { to: dee.phone, status: 'success', reason_code: 0, reason: '' } };

    const before = await storedEvents({ provider: 'dropcowboy' });
    await dropCowboyPost(envelope, { tamper: (body) => body.replace('success', 'failure') }).expect(401);
    await dropCowboyPost(envelope, { secret: 'not-our-secret' }).expect(401);
    await dropCowboyPost(envelope, { timestamp: String(Number(nowSeconds) - 301) }).expect(401);
    expect(await storedEvents({ provider: 'dropcowboy' })).toBe(before);

    // Status webhooks carry no foreign_id: matched by the number dropped to.
    for (let i = 0; i < 5; i++) await dropCowboyPost(envelope).expect(200);
    await waitFor(() => executions(), ([e]) => e.deliveryStatus === 'delivered');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await campaignStats(agent, campaignId)).voicemail.delivered).toBe(1);

    const callback = JSON.stringify({ foreign_id: sent.id, phone_number: dee.phone, status: 'failure', reason_code: 4016, reason: 'DNC', dnc: true, attempt_date: NOW.toISOString() });
    await http().post(`/api/webhooks/dropcowboy?cb_token=${'0'.repeat(64)}`).set('Content-Type', 'application/json').send(callback).expect(401);
    await http().post(`/api/webhooks/dropcowboy?cb_token=${callbackToken(accounts.dropcowboy.apiSecret, sent.id)}`).set('Content-Type', 'application/json').send(callback).expect(200);
    const optedOut = await waitFor(() => getContact(agent, dee.id), (c) => c.optOuts.voice !== null);
    expect(optedOut.optOuts.voice).toMatchObject({ source: 'dropcowboy-4016' });
  });

  it('STOP by text opts the contact out of texts and voicemail and cancels their queued voicemail at once', async () => {
    const agent = await registerAgent();
    const eve = await contact(agent, 'Eve');
    const campaignId = await launchedCampaign(agent, [eve.id]);
    const voicemail = await deploy(agent, campaignId, STRATEGY.voicemail([2]));
    expect((await voicemail.executions())[0]).toMatchObject({ status: 'queued' });
    await deploy(agent, campaignId, STRATEGY.text([0]));

    const inbound = await twilioPost('/api/webhooks/twilio/inbound', { MessageSid: 'SMstop0000000000000000000000000001', From: eve.phone, To: SANDBOX_TWILIO_FROM, Body: 'Stop', NumMedia: '0' }).expect(200);
    expect(inbound.text).toContain('<Response/>');
    const [cancelled] = await waitFor(() => voicemail.executions(), ([e]) => e.status === 'skipped');
    expect(cancelled.reasonCode).toBe('opted_out');
    const person = await getContact(agent, eve.id);
    expect(person.optOuts.sms).toMatchObject({ source: 'sms-reply', evidence: 'Stop' });
    expect(person.optOuts.voice).not.toBeNull();
    expect(person.optOuts.email).toBeNull();
    const inbox = (await http().get('/api/v1/replies').set(agent.auth).expect(200)).body;
    expect(inbox.items[0]).toMatchObject({ body: 'Stop', intent: 'opt_out', contactId: eve.id });

    // START opts back in to texts.
    await twilioPost('/api/webhooks/twilio/inbound', { MessageSid: 'SMstart000000000000000000000000001', From: eve.phone, To: SANDBOX_TWILIO_FROM, Body: 'START' }).expect(200);
    const back = await waitFor(() => getContact(agent, eve.id), (c) => c.optOuts.sms === null);
    expect(back.consent.sms.status).toBe('granted');
  });

  it("an opt-out the agent records stops the contact's queued sends on that channel at once and shows on the member", async () => {
    const agent = await registerAgent();
    const kim = await contact(agent, 'Kim');
    const campaignId = await launchedCampaign(agent, [kim.id]);
    const voicemail = await deploy(agent, campaignId, STRATEGY.voicemail([2]));
    const text = await deploy(agent, campaignId, STRATEGY.text([3]));
    expect((await voicemail.executions())[0]).toMatchObject({ status: 'queued' });

    const other = await registerAgent();
    await http().post(`/api/v1/contacts/${kim.id}/opt-out`).set(other.auth).send({ channel: 'voice' }).expect(404);
    const recorded = await http().post(`/api/v1/contacts/${kim.id}/opt-out`).set(agent.auth).send({ channel: 'voice', reason: 'Asked on the phone' }).expect(200);
    expect(recorded.body.optOuts.voice).not.toBeNull();

    // At once, not when the send's time comes: the API answered after cancelling.
    const [cancelled] = await voicemail.executions();
    expect(cancelled).toMatchObject({ status: 'skipped', reasonCode: 'opted_out' });
    expect(cancelled.reason).toContain('Asked on the phone');
    expect((await text.executions())[0].status).toBe('queued');
    const [member] = (await http().get(`/api/v1/contacts/${kim.id}/campaigns`).set(agent.auth).expect(200)).body.items;
    expect(member.channels.voicemail.status).toBe('opted_out');
    expect(member.channels.sms.status).not.toBe('opted_out');
  });

  it('a reply lands in the inbox and on the timeline, counts once, pauses the contact in that campaign; HELP gets the help reply', async () => {
    const agent = await registerAgent();
    await http().put('/api/v1/compliance/settings').set(agent.auth).send({ helpReply: 'Jane Agent, Desert Realty 760-555-0100. Reply STOP to opt out.' }).expect(200);
    const fay = await contact(agent, 'Fay');
    const campaignId = await launchedCampaign(agent, [fay.id]);
    const { executions } = await deploy(agent, campaignId, STRATEGY.text([0, 3]));
    const reply = { MessageSid: 'SMreply000000000000000000000000001', From: fay.phone, To: SANDBOX_TWILIO_FROM, Body: "Yes I'm thinking of selling, call me" };
    for (let i = 0; i < 3; i++) await twilioPost('/api/webhooks/twilio/inbound', reply).expect(200);

    const [, second] = await waitFor(() => executions(), (items) => items.find((e) => e.step === 1)?.status === 'skipped');
    expect(second.reasonCode).toBe('contact_replied');
    const inbox = (await http().get('/api/v1/replies').set(agent.auth).expect(200)).body;
    expect(inbox.total).toBe(1);
    expect(inbox.items[0]).toMatchObject({ contactId: fay.id, contactName: 'Fay Owner', intent: 'reply', body: reply.Body, campaignId });
    const stats = await campaignStats(agent, campaignId);
    expect(stats.sms.responded).toBe(1);
    const person = await getContact(agent, fay.id);
    expect(person.engagement).toMatchObject({ responded: true, responseChannel: 'sms' });
    const timeline = (await http().get(`/api/v1/contacts/${fay.id}/timeline`).set(agent.auth).expect(200)).body.items;
    expect(timeline.filter((e: { type: string }) => e.type === 'replied')).toHaveLength(1);

    const help = await twilioPost('/api/webhooks/twilio/inbound', { MessageSid: 'SMhelp0000000000000000000000000001', From: fay.phone, To: SANDBOX_TWILIO_FROM, Body: 'HELP' }).expect(200);
    expect(help.headers['content-type']).toMatch(/xml/);
    expect(help.text).toContain('<Message>Jane Agent, Desert Realty 760-555-0100. Reply STOP to opt out.</Message>');

    const converted = await http().post(`/api/v1/contacts/${fay.id}/conversion`).set(agent.auth).send({ value: 9000, note: 'Listing signed' }).expect(200);
    expect(converted.body).toMatchObject({ contactId: fay.id, converted: true, conversionValue: 9000 });
    expect((await getContact(agent, fay.id)).engagement).toMatchObject({ converted: true, conversionValue: 9000 });
    const other = await registerAgent();
    await http().post(`/api/v1/contacts/${fay.id}/conversion`).set(other.auth).send({ value: 1 }).expect(404);
  });

  it('one-click unsubscribe: GET shows a confirm page, POST List-Unsubscribe=One-Click answers 200 and stops email; forged tokens are refused', async () => {
    const agent = await registerAgent();
    const gus = await contact(agent, 'Gus');
    const campaignId = await launchedCampaign(agent, [gus.id]);
    const { executions } = await deploy(agent, campaignId, STRATEGY.email([0, 2]));
    const [sent] = await executions();
    const key = createHmac('sha256', loadConfig(AuthConfig).JWT_SECRET).update('cadence:unsubscribe').digest();
    const token = `${sent.id}.${createHmac('sha256', key).update(sent.id).digest('base64url').slice(0, 22)}`;

    const page = await http().get(`/api/v1/unsubscribe/${token}`).expect(200);
    expect(page.text).toContain(gus.email);
    expect((await getContact(agent, gus.id)).optOuts.email).toBeNull();
    await http().post(`/api/v1/unsubscribe/${sent.id}.AAAAAAAAAAAAAAAAAAAAAA`).type('form').send('List-Unsubscribe=One-Click').expect(404);

    await http().post(`/api/v1/unsubscribe/${token}`).type('form').send('List-Unsubscribe=One-Click').expect(200);
    const person = await getContact(agent, gus.id);
    expect(person.optOuts.email).toMatchObject({ source: 'one-click-unsubscribe' });
    expect(person.optOuts.email.evidence).toContain('RFC 8058 one-click POST');
    expect(person.optOuts.sms).toBeNull();
    const later = (await executions()).find((e) => e.step === 1);
    expect(later).toMatchObject({ status: 'skipped', reasonCode: 'opted_out' });

    const csv = await http().get(`/api/v1/campaigns/${campaignId}/compliance-export`).set(agent.auth).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const [header, first] = csv.text.trim().split('\r\n');
    expect(header.split(',')).toEqual(expect.arrayContaining(['consentSource', 'dncScrubbedAt', 'sendWindow', 'touchesLast7Days', 'contentHash', 'providerReceiptIds']));
    expect(first).toContain(sent.id);
    expect(first).toMatch(/[0-9a-f]{64}/);
  });

  it('the compliance export shows the facts at send time: consent changed afterwards does not rewrite it (issue #7)', async () => {
    const agent = await registerAgent();
    const ida = await contact(agent, 'Ida');
    const campaignId = await launchedCampaign(agent, [ida.id]);
    const { executions } = await deploy(agent, campaignId, STRATEGY.text([0]));
    const [sent] = await executions();
    expect(sent.status).toBe('sent');
    await twilioPost(`/api/webhooks/twilio/status?executionId=${sent.id}`, { MessageSid: sent.providerMessageId as string, MessageStatus: 'delivered', To: ida.phone, From: SANDBOX_TWILIO_FROM }).expect(200);
    await waitFor(() => executions(), ([e]) => e.deliveryStatus === 'delivered');

    // After the send the contact withdraws consent, from another source.
    await http().put(`/api/v1/contacts/${ida.id}/consent`).set(agent.auth).send({ channel: 'sms', status: 'denied', source: 'phone call to the office' }).expect(200);
    expect((await getContact(agent, ida.id)).consent.sms).toMatchObject({ status: 'denied', source: 'phone call to the office' });

    const csv = await http().get(`/api/v1/campaigns/${campaignId}/compliance-export`).set(agent.auth).expect(200);
    const [header, ...rows] = csv.text.trim().split('\r\n');
    const columns = header.split(',');
    expect(rows).toHaveLength(1);
    // The window text holds no comma or quote, so a plain split keeps the columns.
    const row = Object.fromEntries(rows[0].split(',').map((value, i) => [columns[i], value]));
    expect(row).toMatchObject({
      executionId: sent.id,
      address: ida.phone,
      consentStatus: 'granted',
      consentSource: 'open-house sign-in sheet',
      numberDnc: 'false',
      timeZone: 'America/Los_Angeles',
      touchesLast7Days: '0',
      providerReceiptIds: `twilio:${sent.providerMessageId}:delivered`,
    });
    expect(row.consentCapturedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    // A CA address and a 415 number: the federal 21:00 end, in the contact's zone.
    expect(row.sendWindow).toContain('legal 08:00–21:00 America/Los_Angeles (CA)');
    expect(row.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("a reply marks the member of that campaign responded; a STOP marks every campaign's member opted out on the stopped channels", async () => {
    const agent = await registerAgent();
    const joy = await contact(agent, 'Joy');
    const campaignId = await launchedCampaign(agent, [joy.id]);
    const otherId = (await http().post('/api/v1/campaigns').set(agent.auth).send({ name: `Joy's other campaign ${registered}` }).expect(201)).body.id as string;
    await http().post(`/api/v1/campaigns/${otherId}/contacts`).set(agent.auth).send({ contactIds: [joy.id] }).expect(200);
    const { executions } = await deploy(agent, campaignId, STRATEGY.text([0]));
    const [sent] = await executions();
    expect(sent.status).toBe('sent');
    type Membership = { campaignId: string; channels: Record<'sms' | 'email' | 'voicemail', { status: string }>; engagement: { responded: boolean; responseChannel: string | null } };
    const memberships = async () => {
      const items = (await http().get(`/api/v1/contacts/${joy.id}/campaigns`).set(agent.auth).expect(200)).body.items as Membership[];
      return { main: items.find((m) => m.campaignId === campaignId) as Membership, other: items.find((m) => m.campaignId === otherId) as Membership };
    };

    // The carrier reports the text undelivered, yet the person answers it (or an earlier one): a reply outranks the failure.
    await twilioPost(`/api/webhooks/twilio/status?executionId=${sent.id}`, { MessageSid: sent.providerMessageId as string, MessageStatus: 'undelivered', To: joy.phone, From: SANDBOX_TWILIO_FROM }).expect(200);
    await waitFor(memberships, ({ main }) => main.channels.sms.status === 'failed');
    await twilioPost('/api/webhooks/twilio/inbound', { MessageSid: 'SMjoyreply00000000000000000000001', From: joy.phone, To: SANDBOX_TWILIO_FROM, Body: 'Maybe next spring, call me' }).expect(200);
    const replied = await waitFor(memberships, ({ main }) => main.channels.sms.status === 'responded');
    expect(replied.main.engagement).toEqual({ responded: true, converted: false, responseChannel: 'sms' });
    expect(replied.other.channels.sms.status).not.toBe('responded');
    expect(replied.other.engagement.responded).toBe(false);

    await twilioPost('/api/webhooks/twilio/inbound', { MessageSid: 'SMjoystop000000000000000000000001', From: joy.phone, To: SANDBOX_TWILIO_FROM, Body: 'STOP' }).expect(200);
    const stopped = await waitFor(memberships, ({ main, other }) => main.channels.sms.status === 'opted_out' && other.channels.sms.status === 'opted_out');
    // The default policy: a text STOP also stops voicemail, not email.
    for (const member of [stopped.main, stopped.other]) {
      expect(member.channels.voicemail.status).toBe('opted_out');
      expect(member.channels.email.status).not.toBe('opted_out');
    }
    expect(stopped.main.engagement.responded).toBe(true);
  });

  it('compliance settings and the National DNC registry import', async () => {
    const agent = await registerAgent();
    const defaults = (await http().get('/api/v1/compliance/settings').set(agent.auth).expect(200)).body;
    expect(defaults.optOutPolicy).toMatchObject({ smsStopsVoicemail: true, stopEverything: false });
    const updated = await http()
      .put('/api/v1/compliance/settings')
      .set(agent.auth)
      .send({ touchBudget: { maxTouchesPer7Days: 3, minDaysBetweenTouches: 1 }, dncRegistryCompliance: true, quietHours: { start: '09:00', end: '19:00' } })
      .expect(200);
    expect(updated.body).toMatchObject({ touchBudget: { maxTouchesPer7Days: 3, minDaysBetweenTouches: 1 }, dncRegistryCompliance: true, quietHours: { start: '09:00', end: '19:00' } });
    await http().put('/api/v1/compliance/settings').set(agent.auth).send({ quietHours: { start: '20:00', end: '09:00' } }).expect(400);
    const imported = await http().post('/api/v1/compliance/dnc-registry').set(agent.auth).send({ listed: ['(305) 555-0101', 'garbage'], clear: ['+14155550199'] }).expect(200);
    expect(imported.body).toMatchObject({ listed: 1, clear: 1, rejected: ['garbage'] });
  });

  it('the touch budget counts touches across campaigns and channels and states the exclusion on the execution', async () => {
    const agent = await registerAgent();
    await http().put('/api/v1/compliance/settings').set(agent.auth).send({ touchBudget: { maxTouchesPer7Days: 1, minDaysBetweenTouches: 0 } }).expect(200);
    const hal = await contact(agent, 'Hal');
    const first = await launchedCampaign(agent, [hal.id]);
    const [touched] = await (await deploy(agent, first, STRATEGY.text([0]))).executions();
    // Four days ago: past the 3-day gap between campaigns, inside the 7-day budget window.
    const fourDaysAgo = new Date(NOW.getTime() - 4 * 24 * 3600 * 1000);
    await db.collection('executions').updateOne({ _id: new (await import('mongoose')).Types.ObjectId(touched.id) }, { $set: { sentAt: fourDaysAgo } });

    const second = await launchedCampaign(agent, [hal.id]);
    const [held] = await (await deploy(agent, second, STRATEGY.email([0]))).executions();
    expect(held).toMatchObject({ status: 'deferred', reasonCode: 'touch_budget' });
    expect(held.reason).toContain('1 touch(es) in the last 7 days');
    expect(new Date(held.notBefore)).toEqual(new Date(fourDaysAgo.getTime() + 7 * 24 * 3600 * 1000));
  });

  it('reports contacts other campaigns reached recently and removes them, keeps them or changes the interval', async () => {
    const agent = await registerAgent();
    const ivy = await contact(agent, 'Ivy');
    const joe = await contact(agent, 'Joe');
    const earlier = await launchedCampaign(agent, [ivy.id]);
    await deploy(agent, earlier, STRATEGY.text([0]));
    const campaignId = (await http().post('/api/v1/campaigns').set(agent.auth).send({ name: 'Spring farm' }).expect(201)).body.id as string;
    await http().post(`/api/v1/campaigns/${campaignId}/contacts`).set(agent.auth).send({ contactIds: [ivy.id, joe.id] }).expect(200);

    const report = (await http().post(`/api/v1/campaigns/${campaignId}/duplicate-check`).set(agent.auth).expect(200)).body;
    expect(report.totalDuplicates).toBe(1);
    expect(report.duplicateContacts[0]).toMatchObject({ contactId: ivy.id, name: 'Ivy Owner', phone: ivy.phone, campaigns: [{ campaignId: earlier, daysSince: 0 }] });
    expect(report.recommendations.length).toBeGreaterThan(0);

    expect((await http().post(`/api/v1/campaigns/${campaignId}/duplicate-check/resolve`).set(agent.auth).send({ action: 'keep' }).expect(200)).body).toMatchObject({ removed: 0 });
    expect((await http().post(`/api/v1/campaigns/${campaignId}/duplicate-check/resolve`).set(agent.auth).send({ action: 'change_interval', minDaysBetweenTouches: 5 }).expect(200)).body).toMatchObject({ minDaysBetweenTouches: 5 });
    expect((await http().post(`/api/v1/campaigns/${campaignId}/duplicate-check/resolve`).set(agent.auth).send({ action: 'remove' }).expect(200)).body).toMatchObject({ removed: 1 });
    expect((await http().post(`/api/v1/campaigns/${campaignId}/duplicate-check`).set(agent.auth).expect(200)).body.totalDuplicates).toBe(0);
    const other = await registerAgent();
    await http().post(`/api/v1/campaigns/${campaignId}/duplicate-check`).set(other.auth).expect(404);
  });

  it('admins replay stored events; agents may not', async () => {
    const agent = await registerAgent();
    await http().post('/api/v1/admin/webhook-events/replay').set(agent.auth).send({}).expect(403);
    const admin = await registerAgent('admin@example.com');
    const replay = await http().post('/api/v1/admin/webhook-events/replay').set(admin.auth).send({ statuses: ['unmatched'] }).expect(200);
    expect(typeof replay.body.enqueued).toBe('number');
  });
});
