import { AppConfig, CoreModule, loadConfig } from '@cadence/api-core';
import { OfflineScriptWriter, OfflineVoiceAdapter, ScriptWriter, TextToSpeech, VoicemailModule, VoicemailWorkerModule } from '@cadence/api-voicemail';
import { setTestEnv, startTestInfrastructure, TestInfrastructure } from '@cadence/api-testing';
import { INestApplicationContext } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { AuthModule } from '@cadence/api-auth';
import { CampaignModule } from '@cadence/api-campaign';
import { ContactModule } from '@cadence/api-contact';
import { MediaModule } from '@cadence/api-media';
import { configureHttp } from '../src/app/configure-app';

const CONTACTS = 12;

describe('voicemail scripts on offline providers (real API and worker, embedded MongoDB, real Redis)', () => {
  let infrastructure: TestInfrastructure;
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let mediaDir: string;
  /** The offline writer, with a hook the cancel test uses to act in the middle of a batch. */
  class HookedWriter extends OfflineScriptWriter {
    onWrite: ((calls: number) => Promise<void>) | null = null;
    override async write(request: Parameters<OfflineScriptWriter['write']>[0]) {
      const written = await super.write(request);
      await this.onWrite?.(this.calls);
      return written;
    }
  }
  const writer = new HookedWriter();
  const voice = new OfflineVoiceAdapter();
  const http = () => request(api.getHttpServer());

  beforeAll(async () => {
    mediaDir = mkdtempSync(join(tmpdir(), 'vm-media-'));
    setTestEnv({ MEDIA_STORAGE_DIR: mediaDir, MEDIA_SIGNING_SECRET: 'e2e-signing-secret-0123456789' });
    infrastructure = await startTestInfrastructure();
    // The modules this feature uses (as AppModule wires them), so a neighbour's unfinished module cannot break this test.
    const apiModule = await Test.createTestingModule({ imports: [CoreModule.forRoot(infrastructure.urls), AuthModule, ContactModule, CampaignModule, MediaModule, VoicemailModule] }).compile();
    api = apiModule.createNestApplication<NestExpressApplication>({ bufferLogs: true, bodyParser: false });
    configureHttp(api, loadConfig(AppConfig));
    await api.init();
    const workerModule = await Test.createTestingModule({ imports: [CoreModule.forRoot(infrastructure.urls), VoicemailWorkerModule] })
      .overrideProvider(ScriptWriter)
      .useValue(writer)
      .overrideProvider(TextToSpeech)
      .useValue(voice)
      .compile();
    worker = await workerModule.init();
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await infrastructure?.stop();
    rmSync(mediaDir, { recursive: true, force: true });
  });

  async function waitForBatch(auth: Record<string, string>, campaignId: string, kind: 'scripts' | 'audio') {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { batch } = (await http().get(`/api/v1/campaigns/${campaignId}/voicemail/batches/current`).query({ kind }).set(auth).expect(200)).body;
      if (batch && ['completed', 'failed', 'cancelled'].includes(batch.status)) return batch;
      if (Date.now() > deadline) throw new Error(`${kind} batch never finished: ${JSON.stringify(batch)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('generates → edits one → approves all → renders audio → serves it by signed link only', async () => {
    const session = (await http().post('/api/v1/auth/register').send({ email: 'vm@example.com', password: 'correct horse battery', name: 'Dana' }).expect(201)).body;
    const auth = { Authorization: `Bearer ${session.accessToken}` };
    const campaign = (await http().post('/api/v1/campaigns').set(auth).send({ name: 'PDCC Expireds', type: 'neighborhood_expireds', neighborhood: 'PDCC' }).expect(201)).body;
    const ids: string[] = [];
    for (let i = 0; i < CONTACTS; i++) {
      const contact = (await http().post('/api/v1/contacts').set(auth).send({ firstName: `Owner${i}`, lastName: 'Lopez', phones: [{ number: `+1760555${String(1000 + i)}` }], propertyAddress: { street: `${i} Palm Drive`, city: 'Palm Desert', state: 'CA', zip: '92260' } }).expect(201)).body;
      ids.push(contact.id);
    }
    await http().post(`/api/v1/campaigns/${campaign.id}/contacts`).set(auth).send({ contactIds: ids }).expect(200);

    // No settings yet: the agent is told what to fill in.
    expect((await http().post(`/api/v1/campaigns/${campaign.id}/voicemail/script-batches`).set(auth).send({}).expect(409)).body.code).toBe('VOICEMAIL_SETTINGS_MISSING');
    await http().put(`/api/v1/campaigns/${campaign.id}/voicemail/settings`).set(auth).send({ agentName: 'Dana Reyes', brokerage: 'Desert Sun Realty', callbackNumber: '(760) 555-0142', optOutNumber: '1-800-555-0199', templateKind: 'neighborhood_expireds' }).expect(200);

    const estimate = (await http().post(`/api/v1/campaigns/${campaign.id}/voicemail/estimate`).set(auth).send({ kind: 'scripts' }).expect(200)).body;
    expect(estimate).toMatchObject({ kind: 'scripts', items: CONTACTS, offline: true });
    expect(estimate.totalUsd).toBeGreaterThan(0);

    const started = (await http().post(`/api/v1/campaigns/${campaign.id}/voicemail/script-batches`).set(auth).send({ abTemplateKind: 'follow_up' }).expect(202)).body;
    expect(started).toMatchObject({ kind: 'scripts', total: CONTACTS, status: 'queued' });
    const finished = await waitForBatch(auth, campaign.id, 'scripts');
    expect(finished).toMatchObject({ status: 'completed', total: CONTACTS, current: CONTACTS, succeeded: CONTACTS, failed: 0, percentage: 100, providerCalls: CONTACTS });
    expect(writer.calls).toBe(CONTACTS);
    expect((await http().get(`/api/v1/campaigns/${campaign.id}`).set(auth).expect(200)).body.status).toBe('review');

    const list = (await http().get(`/api/v1/campaigns/${campaign.id}/voicemail/scripts`).query({ limit: 50 }).set(auth).expect(200)).body;
    expect(list.total).toBe(CONTACTS);
    expect(new Set(list.items.map((s: { testGroup: string }) => s.testGroup))).toEqual(new Set(['A', 'B']));
    for (const s of list.items) {
      expect(s.script).toContain('Dana Reyes with Desert Sun Realty');
      expect(s.script).toContain('(760) 555-0142');
      expect(s.script).toContain('1-800-555-0199 to opt out');
      expect(s.complianceProblems).toEqual([]);
      expect(s.wordCount).toBeGreaterThanOrEqual(75);
      expect(s.wordCount).toBeLessThanOrEqual(115);
      expect(s).toMatchObject({ scriptVersion: 1, generatedBy: 'template', reviewStatus: 'pending', editable: true });
    }

    const first = list.items[0];
    const edited = `${first.script} Talk soon.`;
    const afterEdit = (await http().patch(`/api/v1/voicemail/scripts/${first.id}`).set(auth).send({ script: edited }).expect(200)).body;
    expect(afterEdit).toMatchObject({ script: edited, scriptVersion: 2, generatedBy: 'manual', wordCount: first.wordCount + 2 });

    await http().post(`/api/v1/voicemail/scripts/${list.items[1].id}/review`).set(auth).send({ status: 'needs_revision', notes: 'Too formal' }).expect(200);
    expect((await http().post(`/api/v1/campaigns/${campaign.id}/voicemail/scripts/approve`).set(auth).send({}).expect(200)).body).toEqual({ approved: CONTACTS });

    const audioEstimate = (await http().post(`/api/v1/campaigns/${campaign.id}/voicemail/estimate`).set(auth).send({ kind: 'audio' }).expect(200)).body;
    expect(audioEstimate.items).toBe(CONTACTS);
    await http().post(`/api/v1/campaigns/${campaign.id}/voicemail/audio-batches`).set(auth).send({}).expect(202);
    const audioBatch = await waitForBatch(auth, campaign.id, 'audio');
    expect(audioBatch).toMatchObject({ status: 'completed', succeeded: CONTACTS, failed: 0, providerCalls: CONTACTS });

    const script = (await http().get(`/api/v1/voicemail/scripts/${first.id}`).set(auth).expect(200)).body;
    expect(script.audio.status).toBe('completed');
    expect(script.editable).toBe(false);
    expect(script.audio.duration).toBeGreaterThan(25);
    const audio = await http().get(script.audio.url).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(audio.status).toBe(200);
    expect(audio.headers['content-type']).toBe('audio/wav');
    expect((audio.body as Buffer).subarray(0, 4).toString()).toBe('RIFF');

    // Tampered or missing signatures are refused.
    const url = new URL(script.audio.url, 'http://x');
    expect((await http().get(`${url.pathname}?expires=${url.searchParams.get('expires')}&sig=AAAA${url.searchParams.get('sig')?.slice(4)}`).expect(403)).body.code).toBe('MEDIA_LINK_INVALID');
    expect((await http().get(`${url.pathname}?expires=1&sig=${url.searchParams.get('sig')}`).expect(403)).body.code).toBe('MEDIA_LINK_INVALID');
    await http().get(url.pathname).expect(403);

    // Text with audio cannot be edited until the audio is deleted.
    const refused = (await http().patch(`/api/v1/voicemail/scripts/${first.id}`).set(auth).send({ script: 'New words' }).expect(409)).body;
    expect(refused.code).toBe('VOICEMAIL_DELETE_AUDIO_FIRST');
    await http().delete(`/api/v1/voicemail/scripts/${first.id}/audio`).set(auth).expect(200);
    await http().patch(`/api/v1/voicemail/scripts/${first.id}`).set(auth).send({ script: `${edited} Bye.` }).expect(200);

    // Same text and voice: the stored rendering is reused, no provider call.
    const other = list.items[2];
    await http().delete(`/api/v1/voicemail/scripts/${other.id}/audio`).set(auth).expect(200);
    const callsBefore = voice.calls;
    const again = (await http().post(`/api/v1/voicemail/scripts/${list.items[3].id}/audio`).set(auth).send({}).expect(200)).body;
    expect(again.audio.status).toBe('completed');
    expect(voice.calls).toBe(callsBefore);

    // Another agent sees none of it.
    const stranger = (await http().post('/api/v1/auth/register').send({ email: 'other@example.com', password: 'correct horse battery', name: 'Other' }).expect(201)).body;
    await http().get(`/api/v1/voicemail/scripts/${first.id}`).set({ Authorization: `Bearer ${stranger.accessToken}` }).expect(404);
    await http().get(`/api/v1/campaigns/${campaign.id}/voicemail/scripts`).set({ Authorization: `Bearer ${stranger.accessToken}` }).expect(404);
  }, 120_000);

  it('cancels a running script batch: it stops after the current page and keeps what it wrote', async () => {
    const session = (await http().post('/api/v1/auth/register').send({ email: 'vm-cancel@example.com', password: 'correct horse battery', name: 'Dana' }).expect(201)).body;
    const auth = { Authorization: `Bearer ${session.accessToken}` };
    const campaign = (await http().post('/api/v1/campaigns').set(auth).send({ name: 'Big farm', type: 'custom' }).expect(201)).body;
    const ids: string[] = [];
    for (let i = 0; i < 80; i += 20) {
      const batch = await Promise.all(Array.from({ length: 20 }, (_, j) => http().post('/api/v1/contacts').set(auth).send({ firstName: `Farm${i + j}`, phones: [{ number: `+1619555${String(2000 + i + j)}` }] }).expect(201)));
      ids.push(...batch.map((r) => r.body.id as string));
    }
    await http().post(`/api/v1/campaigns/${campaign.id}/contacts`).set(auth).send({ contactIds: ids }).expect(200);
    await http().put(`/api/v1/campaigns/${campaign.id}/voicemail/settings`).set(auth).send({ agentName: 'Dana Reyes', brokerage: 'Desert Sun Realty', callbackNumber: '(760) 555-0142', templateKind: 'prospecting' }).expect(200);
    const before = writer.calls;
    let cancelled = false;
    writer.onWrite = async (calls) => {
      if (cancelled || calls - before < 5) return;
      cancelled = true;
      const { batch } = (await http().get(`/api/v1/campaigns/${campaign.id}/voicemail/batches/current`).query({ kind: 'scripts' }).set(auth).expect(200)).body;
      expect((await http().post(`/api/v1/voicemail/batches/${batch.id}/cancel`).set(auth).expect(200)).body.cancelRequested).toBe(true);
    };
    try {
      await http().post(`/api/v1/campaigns/${campaign.id}/voicemail/script-batches`).set(auth).send({}).expect(202);
      const finished = await waitForBatch(auth, campaign.id, 'scripts');
      expect(finished.status).toBe('cancelled');
      // The page in progress (25 contacts) finishes; nothing after it starts.
      expect(finished.succeeded).toBe(25);
      expect(writer.calls - before).toBe(25);
      expect((await http().get(`/api/v1/campaigns/${campaign.id}/voicemail/scripts`).set(auth).expect(200)).body.total).toBe(25);
    } finally {
      writer.onWrite = null;
    }
  }, 120_000);
});
