import { CampaignMembershipRepository, RecordMemberChannelStatusUseCase } from '@cadence/api-campaign';
import { CampaignContact, CampaignContactSchema, ChannelDeliveryStatus as S, Contact, ContactSchema, ContactSource } from '@cadence/api-contact';
import { AppConfig, Clock, CoreModule, loadConfig } from '@cadence/api-core';
import { RunCampaignClockUseCase, StrategyWorkerModule } from '@cadence/api-strategy';
import { setTestEnv, startTestInfrastructure, TestInfrastructure } from '@cadence/api-testing';
import { WebhookWorkerModule } from '@cadence/api-webhook';
import { INestApplicationContext } from '@nestjs/common';
import { getConnectionToken, getModelToken, MongooseModule } from '@nestjs/mongoose';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test, TestingModule } from '@nestjs/testing';
import { Connection, Model, Types } from 'mongoose';
import request from 'supertest';
import { AppModule } from '../src/app/app.module';
import { configureHttp } from '../src/app/configure-app';
import { reservePublicPort } from './create-test-app';

describe("a member's channel progress under concurrent sends and webhooks (embedded MongoDB)", () => {
  let infrastructure: TestInfrastructure;
  let module: TestingModule;
  let record: RecordMemberChannelStatusUseCase;
  let memberships: Model<CampaignContact>;
  let contacts: Model<Contact>;
  const userId = new Types.ObjectId();
  const tenant = { userId: userId.toHexString(), teamId: null };
  const campaignId = new Types.ObjectId();

  beforeAll(async () => {
    infrastructure = await startTestInfrastructure();
    module = await Test.createTestingModule({
      imports: [
        MongooseModule.forRoot(infrastructure.urls.mongoUrl),
        MongooseModule.forFeature([
          { name: CampaignContact.name, schema: CampaignContactSchema },
          { name: Contact.name, schema: ContactSchema },
        ]),
      ],
      providers: [CampaignMembershipRepository, RecordMemberChannelStatusUseCase],
    }).compile();
    record = module.get(RecordMemberChannelStatusUseCase);
    memberships = module.get(getModelToken(CampaignContact.name));
    contacts = module.get(getModelToken(Contact.name));
  }, 60_000);

  afterAll(async () => {
    await module?.close();
    await infrastructure?.stop();
  });

  async function member(owner = userId): Promise<Types.ObjectId> {
    const contactId = new Types.ObjectId();
    await contacts.collection.insertOne({ _id: contactId, userId: owner, firstName: 'Ann', dedupeKeys: [`phone:${contactId.toHexString()}`], campaignHistory: { lastContactedAt: null } });
    await memberships.create({ userId: owner, campaignId, contactId, source: ContactSource.Manual, addedAt: new Date('2026-03-01T00:00:00Z') });
    return contactId;
  }
  const sms = async (contactId: Types.ObjectId) => (await memberships.findOne({ campaignId, contactId }).lean<CampaignContact>().exec())?.channels.sms;
  const at = (minute: number) => new Date(Date.UTC(2026, 2, 10, 19, minute));

  it('ends at the furthest state whatever order 40 concurrent transitions land in, each stamp written once', async () => {
    const contactId = await member();
    const steps: [S, number][] = [
      [S.Queued, 0],
      [S.Deferred, 1],
      [S.Queued, 2],
      [S.Sent, 3],
      [S.Delivered, 4],
      [S.Opened, 5],
      [S.Clicked, 6],
      // A later step queued, and a stale receipt, after the delivery.
      [S.Queued, 7],
      [S.Sent, 3],
    ];
    const burst = Array.from({ length: 40 }, (_, i) => steps[(i * 7) % steps.length]);
    await Promise.all(burst.map(([status, minute]) => record.execute(tenant, { campaignId, contactIds: [contactId], channel: 'sms', status, at: at(minute) })));
    const progress = await sms(contactId);
    expect(progress).toMatchObject({ status: S.Clicked, reasonCode: null });
    // A state overtaken before it landed (a click before its delivery receipt) leaves its stamp empty, never a wrong time.
    expect([null, at(3).getTime()]).toContain(progress?.sentAt?.getTime() ?? null);
    expect([null, at(4).getTime()]).toContain(progress?.deliveredAt?.getTime() ?? null);
    expect([at(5).getTime(), at(6).getTime()]).toContain(progress?.engagedAt?.getTime());
    const contact = await contacts.findById(contactId).lean<Contact>().exec();
    expect(contact?.campaignHistory.lastContactedAt).toEqual(at(3));
  });

  it('stamps every state of an in-order send, and keeps the first engagement time when a click follows the open', async () => {
    const contactId = await member();
    for (const [status, minute] of [[S.Queued, 0], [S.Sent, 1], [S.Delivered, 2], [S.Opened, 3], [S.Clicked, 4], [S.Delivered, 5]] as [S, number][]) {
      await record.execute(tenant, { campaignId, contactIds: [contactId], channel: 'sms', status, at: at(minute) });
    }
    expect(await sms(contactId)).toMatchObject({ status: S.Clicked, sentAt: at(1), deliveredAt: at(2), engagedAt: at(3), statusAt: at(4) });
  });

  it('writes a batch in one update, keeping members already further along, and only for the caller', async () => {
    const [fresh, delivered, other] = [await member(), await member(), await member(new Types.ObjectId())];
    await record.execute(tenant, { campaignId, contactIds: [delivered], channel: 'sms', status: S.Delivered, at: at(1) });
    const moved = await record.execute(tenant, { campaignId, contactIds: [fresh, delivered, other], channel: 'sms', status: S.Skipped, at: at(2), reasonCode: 'no_consent', reason: 'No SMS consent on record' });
    expect(moved).toBe(1);
    expect(await sms(fresh)).toMatchObject({ status: S.Skipped, reasonCode: 'no_consent', reason: 'No SMS consent on record', statusAt: at(2) });
    expect(await sms(delivered)).toMatchObject({ status: S.Delivered, reasonCode: null });
    expect(await sms(other)).toMatchObject({ status: S.NotStarted });
  });

  it('cancels only members still waiting on the channel, and lets a send that was in flight report afterwards', async () => {
    const [waiting, sent, inFlight] = [await member(), await member(), await member()];
    await record.execute(tenant, { campaignId, contactIds: [waiting, inFlight], channel: 'sms', status: S.Deferred, at: at(1), reasonCode: 'quiet_hours', reason: 'Quiet hours' });
    await record.execute(tenant, { campaignId, contactIds: [sent], channel: 'sms', status: S.Sent, at: at(1) });
    const cancelled = await record.execute(tenant, { campaignId, contactIds: [waiting, sent, inFlight], channel: 'sms', status: S.Cancelled, at: at(2), reasonCode: 'removed', reason: 'Not sent: the contact was removed from the campaign' });
    expect(cancelled).toBe(2);
    expect(await sms(waiting)).toMatchObject({ status: S.Cancelled, reasonCode: 'removed', reason: 'Not sent: the contact was removed from the campaign', statusAt: at(2) });
    expect(await sms(sent)).toMatchObject({ status: S.Sent, reasonCode: null });
    // The provider call had started before the removal: its `sent` still lands, and clears the reason.
    expect(await record.execute(tenant, { campaignId, contactIds: [inFlight], channel: 'sms', status: S.Sent, at: at(3) })).toBe(1);
    expect(await sms(inFlight)).toMatchObject({ status: S.Sent, sentAt: at(3), reasonCode: null, reason: null });
  });

  it('keeps an opt-out final, and marks the member responded on the first responding channel', async () => {
    const contactId = await member();
    await record.execute(tenant, { campaignId, contactIds: [contactId], channel: 'sms', status: S.Responded, at: at(1) });
    await record.execute(tenant, { campaignId, contactIds: [contactId], channel: 'sms', status: S.OptedOut, at: at(2), reasonCode: 'opted_out', reason: 'STOP' });
    expect(await record.execute(tenant, { campaignId, contactIds: [contactId], channel: 'sms', status: S.Responded, at: at(3) })).toBe(0);
    const doc = await memberships.findOne({ campaignId, contactId }).lean<CampaignContact>().exec();
    expect(doc?.channels.sms).toMatchObject({ status: S.OptedOut, respondedAt: at(1), reason: 'STOP' });
    expect(doc?.engagement).toMatchObject({ responded: true, responseChannel: 'sms' });
  });
});

/** Tuesday 2026-03-10 19:00 UTC: noon in Los Angeles, inside the legal calling hours (one test moves it on). */
const NOON_IN_LOS_ANGELES = Date.parse('2026-03-10T19:00:00Z');
let nowMs = NOON_IN_LOS_ANGELES;
const noonInLosAngeles = { now: () => new Date(nowMs) };

describe('cancelled sends and submitted voicemail launches through the real send path (API + worker, sandbox providers)', () => {
  let infrastructure: TestInfrastructure;
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let auth: { Authorization: string };
  const http = () => request(api.getHttpServer());

  beforeAll(async () => {
    const { port, url } = await reservePublicPort();
    setTestEnv({ CHANNEL_SANDBOX_LATENCY_MS: '0', CAMPAIGN_CLOCK_INTERVAL_SECONDS: '0', PUBLIC_BASE_URL: url });
    infrastructure = await startTestInfrastructure();
    const apiModule = await Test.createTestingModule({ imports: [AppModule.forRoot(infrastructure.urls)] }).overrideProvider(Clock).useValue(noonInLosAngeles).compile();
    api = apiModule.createNestApplication<NestExpressApplication>({ bufferLogs: true, bodyParser: false });
    configureHttp(api, loadConfig(AppConfig));
    await api.listen(port, '127.0.0.1');
    const workerModule = await Test.createTestingModule({ imports: [CoreModule.forRoot(infrastructure.urls), StrategyWorkerModule, WebhookWorkerModule] }).overrideProvider(Clock).useValue(noonInLosAngeles).compile();
    worker = await workerModule.init();
    const registered = await http().post('/api/v1/auth/register').send({ email: 'member-status@example.com', password: 'correct horse battery', name: 'Agent' }).expect(201);
    auth = { Authorization: `Bearer ${registered.body.accessToken}` };
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await infrastructure?.stop();
  });

  async function contact(firstName: string, phone: string): Promise<string> {
    const id = (await http().post('/api/v1/contacts').set(auth).send({ firstName, phones: [{ number: phone }], propertyAddress: { street: '1 Palm Way', city: 'Palm Desert', state: 'CA', zip: '92260' } }).expect(201)).body.id as string;
    await http().put(`/api/v1/contacts/${id}/consent`).set(auth).send({ channel: 'sms', status: 'granted', source: 'open-house sign-in sheet' }).expect(200);
    return id;
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

  type Progress = { status: string; reasonCode: string | null; reason: string | null };
  const members = (campaignId: string) => http().get(`/api/v1/campaigns/${campaignId}/contacts`).set(auth).expect(200).then((r) => r.body.items as { contactId: string; channels: { sms: Progress } }[]);
  const historySms = async (contactId: string, campaignId: string) =>
    ((await http().get(`/api/v1/contacts/${contactId}/campaigns`).set(auth).expect(200)).body.items as { campaignId: string; status: string; channels: { sms: Progress } }[]).find((h) => h.campaignId === campaignId);
  const activity = async (campaignId: string) => (await http().get(`/api/v1/campaigns/${campaignId}/activity`).set(auth).expect(200)).body.items as { type: string; message: string }[];

  async function deployText(campaignId: string): Promise<string> {
    const strategyId = (await http().post(`/api/v1/campaigns/${campaignId}/strategies`).set(auth).send({ type: 'text', steps: [{ variants: [{ key: 'A', body: 'Hi {{firstName}}, a quick question about your home?' }] }] }).expect(201)).body.id;
    await http().post(`/api/v1/campaigns/${campaignId}/strategies/${strategyId}/deploy`).set(auth).expect(202);
    return strategyId;
  }

  it('shows a removed contact’s held text as cancelled with the reason, and waiting again once the contact is back', async () => {
    const [ann, bob] = [await contact('Ann', '+14155550301'), await contact('Bob', '+14155550302')];
    // The campaign's hours start at 1 pm in Los Angeles: at noon every text is deferred, with the reason.
    const campaignId = (await http().post('/api/v1/campaigns').set(auth).send({ name: 'Afternoon texts', schedule: { timeZone: 'America/Los_Angeles', dailyStart: '13:00', dailyEnd: '17:00' } }).expect(201)).body.id;
    await http().post(`/api/v1/campaigns/${campaignId}/contacts`).set(auth).send({ contactIds: [ann, bob] }).expect(200);
    await http().post(`/api/v1/campaigns/${campaignId}/approve`).set(auth).expect(200);
    await http().post(`/api/v1/campaigns/${campaignId}/launch`).set(auth).expect(200);
    const strategyId = await deployText(campaignId);
    const held = await waitFor(() => members(campaignId), (items) => items.length === 2 && items.every((m) => m.channels.sms.status === 'deferred'));
    expect(held[0].channels.sms).toMatchObject({ reasonCode: 'outside_schedule', reason: expect.any(String) });

    const removed = await http().delete(`/api/v1/campaigns/${campaignId}/contacts`).set(auth).send({ contactIds: [ann] }).expect(200);
    expect(removed.body).toEqual({ removed: 1, cancelledExecutions: 1 });
    expect(await historySms(ann, campaignId)).toMatchObject({ status: 'removed', channels: { sms: { status: 'cancelled', reasonCode: 'removed', reason: 'Not sent: the contact was removed from the campaign' } } });
    // Bob stays held; nothing of his changed.
    expect((await members(campaignId)).map((m) => [m.contactId, m.channels.sms.status])).toEqual([[bob, 'deferred']]);

    // Added back and fanned out again: the cancelled send waits again, and the member no longer reads cancelled.
    await http().post(`/api/v1/campaigns/${campaignId}/contacts`).set(auth).send({ contactIds: [ann] }).expect(200, { matched: 1, added: 1 });
    await http().post(`/api/v1/campaigns/${campaignId}/strategies/${strategyId}/deploy`).set(auth).expect(202);
    const back = await waitFor(() => historySms(ann, campaignId), (h) => h?.channels.sms.status !== 'cancelled');
    expect(back).toMatchObject({ status: 'active', channels: { sms: { status: expect.stringMatching(/^(queued|deferred)$/) } } });
  }, 60_000);

  it('shows the sends a campaign never made before its end date as cancelled, keeping what went out', async () => {
    const [dee, eve] = [await contact('Dee', '+14155550304'), await contact('Eve', '+14155550305')];
    const campaignId = (await http().post('/api/v1/campaigns').set(auth).send({ name: 'Ends tonight', schedule: { timeZone: 'America/Los_Angeles', endDate: '2026-03-10', dailyStart: '13:00', dailyEnd: '17:00' } }).expect(201)).body.id;
    await http().post(`/api/v1/campaigns/${campaignId}/contacts`).set(auth).send({ contactIds: [dee, eve] }).expect(200);
    await http().post(`/api/v1/campaigns/${campaignId}/approve`).set(auth).expect(200);
    await http().post(`/api/v1/campaigns/${campaignId}/launch`).set(auth).expect(200);
    await deployText(campaignId);
    await waitFor(() => members(campaignId), (items) => items.length === 2 && items.every((m) => m.channels.sms.status === 'deferred'));
    // What a delivered text looks like on Eve's membership, so the end must leave it alone.
    await worker.get<Connection>(getConnectionToken()).collection('campaignContacts').updateOne({ campaignId: new Types.ObjectId(campaignId), contactId: new Types.ObjectId(eve) }, { $set: { 'channels.sms.status': 'delivered', 'channels.sms.reasonCode': null, 'channels.sms.reason': null } });

    nowMs = Date.parse('2026-03-12T19:00:00Z');
    try {
      await worker.get(RunCampaignClockUseCase).execute();
    } finally {
      nowMs = NOON_IN_LOS_ANGELES;
    }
    expect((await http().get(`/api/v1/campaigns/${campaignId}`).set(auth).expect(200)).body.status).toBe('completed');
    const after = await members(campaignId);
    expect(after.find((m) => m.contactId === dee)?.channels.sms).toMatchObject({ status: 'cancelled', reasonCode: 'campaign_ended', reason: expect.stringContaining('the campaign ended') });
    expect(after.find((m) => m.contactId === eve)?.channels.sms).toMatchObject({ status: 'delivered', reasonCode: null });
  }, 60_000);

  it('launches a campaign with prepared voicemail drops as submitted, sends while submitted, and turns active at the first acceptance', async () => {
    const cy = await contact('Cy', '+14155550303');
    const campaignId = (await http().post('/api/v1/campaigns').set(auth).send({ name: 'Expired listings drops' }).expect(201)).body.id;
    await http().post(`/api/v1/campaigns/${campaignId}/contacts`).set(auth).send({ contactIds: [cy] }).expect(200);
    // What starting script generation stamps (the voicemail module's batch moves the campaign through generating_scripts).
    await worker.get<Connection>(getConnectionToken()).collection('campaigns').updateOne({ _id: new Types.ObjectId(campaignId) }, { $set: { dropsPreparedAt: new Date('2026-03-09T18:00:00Z') } });
    await http().post(`/api/v1/campaigns/${campaignId}/approve`).set(auth).expect(200);

    const launched = (await http().post(`/api/v1/campaigns/${campaignId}/launch`).set(auth).expect(200)).body;
    expect(launched).toMatchObject({ status: 'submitted', submittedAt: '2026-03-10T19:00:00.000Z', launchedAt: '2026-03-10T19:00:00.000Z' });
    expect((await http().post(`/api/v1/campaigns/${campaignId}/launch`).set(auth).expect(409)).body.code).toBe('CAMPAIGN_ILLEGAL_TRANSITION');

    await deployText(campaignId);
    const active = await waitFor(() => http().get(`/api/v1/campaigns/${campaignId}`).set(auth).expect(200).then((r) => r.body), (c) => c.status === 'active');
    expect(active).toMatchObject({ submittedAt: '2026-03-10T19:00:00.000Z', launchedAt: '2026-03-10T19:00:00.000Z' });
    expect((await members(campaignId))[0].channels.sms.status).toMatch(/^(sent|delivered)$/);
    const feed = await activity(campaignId);
    expect(feed.filter((a) => ['submitted', 'submission_accepted', 'launched'].includes(a.type)).map((a) => [a.type, a.message])).toEqual([
      ['submission_accepted', 'Active: Twilio accepted the first text'],
      ['submitted', expect.stringContaining('handed to Drop Cowboy')],
    ]);
  }, 60_000);

  it('pauses a submitted campaign before any drop is accepted, and resumes it as active', async () => {
    const campaignId = (await http().post('/api/v1/campaigns').set(auth).send({ name: 'Paused before any drop' }).expect(201)).body.id;
    await worker.get<Connection>(getConnectionToken()).collection('campaigns').updateOne({ _id: new Types.ObjectId(campaignId) }, { $set: { dropsPreparedAt: new Date('2026-03-09T18:00:00Z') } });
    await http().post(`/api/v1/campaigns/${campaignId}/approve`).set(auth).expect(200);
    expect((await http().post(`/api/v1/campaigns/${campaignId}/launch`).set(auth).expect(200)).body.status).toBe('submitted');
    expect((await http().post(`/api/v1/campaigns/${campaignId}/pause`).set(auth).expect(200)).body.status).toBe('paused');
    // Resuming does not wait for an acceptance again: the agent already saw it submitted.
    expect((await http().post(`/api/v1/campaigns/${campaignId}/resume`).set(auth).expect(200)).body.status).toBe('active');
  }, 30_000);
});
