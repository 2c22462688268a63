import { StrategyWorkerModule } from '@cadence/api-strategy';
import { PER_CONTACT_AUDIO_MEDIA_ID, VoicemailWorkerModule } from '@cadence/api-voicemail';
import { WebhookWorkerModule } from '@cadence/api-webhook';
import { getConnectionToken } from '@nestjs/mongoose';
import { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection, Types } from 'mongoose';
import request from 'supertest';
import { ApiAndWorker, startApiAndWorker, waitFor } from './api-and-worker';

// Inside every send window: 11:00 in California.
const clock = { now: () => new Date('2026-03-10T19:00:00Z') };

describe('per-contact voicemail audio through the strategy send path (sandbox Drop Cowboy)', () => {
  let stack: ApiAndWorker;
  let api: NestExpressApplication;
  let mediaDir: string;
  const http = () => request(api.getHttpServer());

  beforeAll(async () => {
    mediaDir = mkdtempSync(join(tmpdir(), 'vm-delivery-'));
    stack = await startApiAndWorker({ clock, env: { MEDIA_STORAGE_DIR: mediaDir }, workerModules: [StrategyWorkerModule, VoicemailWorkerModule, WebhookWorkerModule] });
    ({ api } = stack);
  }, 60_000);

  afterAll(async () => {
    await stack?.close();
    rmSync(mediaDir, { recursive: true, force: true });
  });

  it("drops each contact's own approved audio (uploaded to Drop Cowboy once) and skips a contact without it", async () => {
    const session = (await http().post('/api/v1/auth/register').send({ email: 'vm-delivery@example.com', password: 'correct horse battery', name: 'Dana' }).expect(201)).body;
    const auth = { Authorization: `Bearer ${session.accessToken}` };
    const ids: string[] = [];
    for (const [name, phone] of [['Ana', '+14155550901'], ['Bo', '+14155550902']]) {
      const id = (await http().post('/api/v1/contacts').set(auth).send({ firstName: name, phones: [{ number: phone }], propertyAddress: { street: '1 Palm Way', city: 'Palm Desert', state: 'CA', zip: '92260' } }).expect(201)).body.id;
      await http().put(`/api/v1/contacts/${id}/consent`).set(auth).send({ channel: 'voice', status: 'granted', source: 'listing inquiry form' }).expect(200);
      ids.push(id);
    }
    const campaignId = (await http().post('/api/v1/campaigns').set(auth).send({ name: 'Personal drops', type: 'past_clients' }).expect(201)).body.id;
    await http().post(`/api/v1/campaigns/${campaignId}/contacts`).set(auth).send({ contactIds: ids }).expect(200);
    await http().put(`/api/v1/campaigns/${campaignId}/voicemail/settings`).set(auth).send({ agentName: 'Dana Reyes', brokerage: 'Desert Sun Realty', callbackNumber: '(760) 555-0142', templateKind: 'past_clients' }).expect(200);
    await http().post(`/api/v1/campaigns/${campaignId}/voicemail/script-batches`).set(auth).send({}).expect(202);
    const current = (kind: string) => http().get(`/api/v1/campaigns/${campaignId}/voicemail/batches/current`).query({ kind }).set(auth).expect(200).then((r) => r.body.batch);
    await waitFor(() => current('scripts'), (b) => b?.status === 'completed');

    // Only Ana's script is approved and voiced.
    const scripts = (await http().get(`/api/v1/campaigns/${campaignId}/voicemail/scripts`).set(auth).expect(200)).body.items as { id: string; contactId: string }[];
    const ana = scripts.find((s) => s.contactId === ids[0]) as { id: string };
    await http().post(`/api/v1/voicemail/scripts/${ana.id}/review`).set(auth).send({ status: 'approved' }).expect(200);
    await http().post(`/api/v1/campaigns/${campaignId}/voicemail/audio-batches`).set(auth).send({}).expect(202);
    await waitFor(() => current('audio'), (b) => b?.status === 'completed');

    expect((await http().get(`/api/v1/campaigns/${campaignId}`).set(auth).expect(200)).body.status).toBe('review');
    await http().post(`/api/v1/campaigns/${campaignId}/approve`).set(auth).expect(200);
    await http().post(`/api/v1/campaigns/${campaignId}/launch`).set(auth).expect(200);
    const strategies = `/api/v1/campaigns/${campaignId}/strategies`;
    const strategyId = (await http().post(strategies).set(auth).send({ type: 'voicemail', steps: [{ variants: [{ key: 'A', recordingMediaId: PER_CONTACT_AUDIO_MEDIA_ID }] }] }).expect(201)).body.id;
    await http().post(`${strategies}/${strategyId}/deploy`).set(auth).expect(202);
    const settled = (s: { executions: Record<string, number> }) => s.executions.pending + s.executions.queued + s.executions.sending === 0;
    await waitFor(() => http().get(`${strategies}/${strategyId}/status`).set(auth).expect(200).then((r) => r.body), settled);

    const executions = (await http().get(`${strategies}/${strategyId}/executions`).set(auth).expect(200)).body.items as { contactId: string; status: string; reasonCode: string | null; provider: string | null }[];
    expect(executions.find((e) => e.contactId === ids[0])).toMatchObject({ status: 'sent', provider: 'dropcowboy' });
    expect(executions.find((e) => e.contactId === ids[1])).toMatchObject({ status: 'skipped', reasonCode: 'no_approved_audio' });
    const stored = await api.get<Connection>(getConnectionToken()).collection('voicemailScripts').findOne({ _id: new Types.ObjectId(ana.id) });
    expect(stored?.['delivery']?.dropCowboyMediaId).toEqual(expect.any(String));
  }, 90_000);
});
