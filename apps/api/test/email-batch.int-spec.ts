import { QueueName } from '@cadence/api-core';
import { BatchSendOutcome, EMAIL_CHANNEL, EmailChannelPort, SendGridCredentials, SendResult, TransientProviderError } from '@cadence/api-channel';
import { ExecutionRepository, SendEmailBatchUseCase } from '@cadence/api-strategy';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { Types } from 'mongoose';
import { INestApplicationContext } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { ApiAndWorker, startApiAndWorker, waitFor } from './api-and-worker';

interface Agent {
  auth: { Authorization: string };
}

/** What @sendgrid/mail is asked to post (the adapter's request body, before the wire's snake_case). */
interface PostedMail {
  personalizations: { to: { email: string }[]; subject?: string; customArgs: Record<string, string>; substitutions?: Record<string, string> }[];
  content: { type: string; value: string }[];
  substitutionWrappers: [string, string];
}

interface ExecutionItem {
  id: string;
  contactId: string;
  status: string;
  reasonCode: string | null;
  address: string | null;
  providerMessageId: string | null;
}

/** Tuesday 2026-03-10 19:00 UTC: midday in every US zone. */
const clock = { now: () => new Date('2026-03-10T19:00:00Z') };
const sender = { fromEmail: 'jane@desertrealty.test', fromName: 'Jane Agent', postalAddress: '73-000 El Paseo, Palm Desert, CA 92260' };

/** One recipient's email as SendGrid builds it: the shared content with its personalization's substitutions filled in. */
function emailOf(mail: PostedMail, address: string): { subject: string; text: string; html: string; executionId: string } {
  const p = mail.personalizations.find((x) => x.to[0].email === address);
  if (!p) throw new Error(`${address} is not in the request`);
  const [open, close] = mail.substitutionWrappers;
  const fill = (value: string) => Object.entries(p.substitutions ?? {}).reduce((out, [key, v]) => out.split(`${open}${key}${close}`).join(v), value);
  const part = (type: string) => fill(mail.content.find((c) => c.type === type)?.value ?? '');
  return { subject: p.subject ?? '', text: part('text/plain'), html: part('text/html'), executionId: p.customArgs['executionId'] };
}

describe('email strategies send through SendGrid batches (API + worker, sandbox SendGrid)', () => {
  let stack: ApiAndWorker;
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let email: EmailChannelPort;
  let posted: PostedMail[];
  let registered = 0;
  const http = () => request(api.getHttpServer());

  beforeAll(async () => {
    stack = await startApiAndWorker({ clock });
    ({ api, worker } = stack);
    email = worker.get<EmailChannelPort>(EMAIL_CHANNEL);
  }, 60_000);

  afterAll(async () => {
    await stack?.close();
  });

  // Every request the adapter posts to (sandbox) SendGrid, successful or refused.
  beforeEach(() => {
    posted = [];
    const adapter = email as unknown as { post(mail: PostedMail, credentials: SendGridCredentials): Promise<SendResult> };
    const post = adapter.post.bind(adapter);
    jest.spyOn(adapter, 'post').mockImplementation((mail, credentials) => {
      posted.push(JSON.parse(JSON.stringify(mail)));
      return post(mail, credentials);
    });
    jest.spyOn(email, 'send');
  });
  afterEach(() => jest.restoreAllMocks());

  async function registerAgent(): Promise<Agent> {
    registered += 1;
    const response = await http().post('/api/v1/auth/register').send({ email: `batch${registered}@example.com`, password: 'correct horse battery', name: 'Agent' }).expect(201);
    return { auth: { Authorization: `Bearer ${response.body.accessToken}` } };
  }

  const status = (agent: Agent, base: string) => http().get(`${base}/status`).set(agent.auth).expect(200).then((r) => r.body);
  const list = async (agent: Agent, base: string) => (await http().get(`${base}/executions`).set(agent.auth).query({ limit: 100 }).expect(200)).body.items as ExecutionItem[];

  /** A launched campaign of these contacts (id → email) with a one-step email strategy, deployed; waits until nothing is left to send unless told not to. */
  async function deployEmail(agent: Agent, people: { firstName: string; email: string; street: string }[], wait = true): Promise<{ base: string; contacts: Map<string, string>; executions: ExecutionItem[] }> {
    const contacts = new Map<string, string>();
    for (const p of people) {
      const body = { firstName: p.firstName, emails: [p.email], propertyAddress: { street: p.street, city: 'Palm Desert', state: 'CA', zip: '92260' } };
      contacts.set((await http().post('/api/v1/contacts').set(agent.auth).send(body).expect(201)).body.id, p.email);
    }
    const campaignId = (await http().post('/api/v1/campaigns').set(agent.auth).send({ name: 'Batch' }).expect(201)).body.id;
    await http().post(`/api/v1/campaigns/${campaignId}/contacts`).set(agent.auth).send({ contactIds: [...contacts.keys()] }).expect(200);
    await http().post(`/api/v1/campaigns/${campaignId}/approve`).set(agent.auth).expect(200);
    await http().post(`/api/v1/campaigns/${campaignId}/launch`).set(agent.auth).expect(200);
    const variant = { key: 'A', subject: 'Hi {{firstName}}', html: '<p>Hello {{firstName|there}}, about {{propertyAddress}}</p>', text: 'Hello {{firstName|there}}, about {{propertyAddress}}' };
    const strategyId = (await http().post(`/api/v1/campaigns/${campaignId}/strategies`).set(agent.auth).send({ type: 'email', emailSender: sender, steps: [{ variants: [variant] }] }).expect(201)).body.id;
    const base = `/api/v1/campaigns/${campaignId}/strategies/${strategyId}`;
    await http().post(`${base}/deploy`).set(agent.auth).expect(202);
    if (!wait) return { base, contacts, executions: [] };
    await waitFor(
      () => status(agent, base),
      (s) => s.total === people.length && s.executions.pending + s.executions.queued + s.executions.sending === 0,
    );
    return { base, contacts, executions: await list(agent, base) };
  }

  it('sends 30 contacts in one SendGrid request, each with their own content, and their delivery events find each execution', async () => {
    const agent = await registerAgent();
    const people = Array.from({ length: 30 }, (_, i) => ({ firstName: `Pat${i}`, email: `pat${i}@example.com`, street: `${i + 1} Palm Way` }));
    const { base, contacts, executions } = await deployEmail(agent, people);

    expect(executions).toHaveLength(30);
    expect(executions.every((e) => e.status === 'sent')).toBe(true);
    expect(posted).toHaveLength(1);
    expect(email.send).not.toHaveBeenCalled();
    // One request, one X-Message-Id for all.
    expect(new Set(executions.map((e) => e.providerMessageId)).size).toBe(1);
    const [mail] = posted;
    expect(mail.personalizations).toHaveLength(30);
    for (const e of executions) {
      const address = contacts.get(e.contactId) as string;
      const i = people.findIndex((p) => p.email === address);
      const got = emailOf(mail, address);
      expect(e.address).toBe(address);
      expect(got.executionId).toBe(e.id);
      expect(got.subject).toBe(`Hi Pat${i}`);
      expect(got.text).toContain(`Hello Pat${i}, about ${i + 1} Palm Way`);
      expect(got.html).toContain(`<p>Hello Pat${i}, about ${i + 1} Palm Way</p>`);
      // Each contact's own unsubscribe link (it names the execution), in both parts.
      expect(got.text).toMatch(new RegExp(`Unsubscribe: \\S+/api/v1/unsubscribe/${e.id}\\.`));
      expect(got.html).toContain(`/api/v1/unsubscribe/${e.id}.`);
      expect(got.html).toContain('Jane Agent · 73-000 El Paseo, Palm Desert, CA 92260');
    }

    // The sandbox's events share the request's message id; each moves its own execution by custom_args.
    await waitFor(
      () => status(agent, base),
      (s) => s.delivery.delivered === 30,
    );
    // An event without our custom args can only name the shared message id: the recipient picks the execution, or none is guessed.
    const repository = worker.get(ExecutionRepository);
    const sharedId = executions[0].providerMessageId as string;
    const pat7 = executions.find((e) => contacts.get(e.contactId) === 'pat7@example.com') as ExecutionItem;
    expect((await repository.findForDeliveryEvent(undefined, sharedId, 'Pat7@Example.com'))?._id.toHexString()).toBe(pat7.id);
    expect(await repository.findForDeliveryEvent(undefined, sharedId)).toBeNull();
  }, 90_000);

  it('fails only the recipient SendGrid rejects; the others go out in the same batch job', async () => {
    const agent = await registerAgent();
    const people = [
      { firstName: 'Ann', email: 'ann@example.com', street: '1 Palm Way' },
      { firstName: 'Bad', email: 'bad@nowhere.invalid', street: '2 Palm Way' },
      { firstName: 'Cy', email: 'cy@example.com', street: '3 Palm Way' },
      { firstName: 'Di', email: 'di@example.com', street: '4 Palm Way' },
    ];
    const { contacts, executions } = await deployEmail(agent, people);
    const of = (address: string) => executions.find((e) => contacts.get(e.contactId) === address) as ExecutionItem;

    expect(of('bad@nowhere.invalid')).toMatchObject({ status: 'failed', reasonCode: 'invalid_recipient' });
    for (const address of ['ann@example.com', 'cy@example.com', 'di@example.com']) expect(of(address)).toMatchObject({ status: 'sent', providerMessageId: expect.any(String) });
    // The refused request named the bad personalization; the retry without it carried the other three.
    expect(posted.map((m) => m.personalizations.length)).toEqual([4, 3]);
    expect(posted[1].personalizations.map((p) => p.to[0].email)).not.toContain('bad@nowhere.invalid');
    expect(email.send).not.toHaveBeenCalled();
  }, 90_000);

  it('a re-run of a batch job whose worker died during the SendGrid call sends nobody again: all unknown', async () => {
    const agent = await registerAgent();
    let release = () => undefined as void;
    const released = new Promise<void>((resolve) => (release = resolve));
    // The call hangs (the worker "dies" in it), then fails like a dropped connection.
    jest.spyOn(email, 'sendBatch').mockImplementation(async (batch): Promise<BatchSendOutcome[]> => {
      await released;
      return batch.recipients.map((r) => ({ executionId: r.executionId, ok: false as const, error: new TransientProviderError('connection reset', { provider: 'sendgrid' }) }));
    });
    const people = ['Eli', 'Fay', 'Gus'].map((firstName, i) => ({ firstName, email: `${firstName.toLowerCase()}@example.com`, street: `${i + 1} Palm Way` }));
    const { base } = await deployEmail(agent, people, false);
    await waitFor(() => status(agent, base), (s) => s.executions.sending === 3);

    // What Bull does with a stalled job: runs it again, with the same data.
    const queue = worker.get<Queue>(getQueueToken(QueueName.SendEmail));
    const [job] = (await queue.getActive()).filter((j) => j.name === 'send-email-batch');
    const data = job.data as { executionIds: string[]; jobSeqs: number[]; userId: string; teamId: string | null };
    expect(data.executionIds).toHaveLength(3);
    await worker.get(SendEmailBatchUseCase).execute({ userId: data.userId, teamId: data.teamId }, data.executionIds.map((id, i) => ({ id: new Types.ObjectId(id), jobSeq: data.jobSeqs[i] })));
    expect((await list(agent, base)).map((e) => [e.status, e.reasonCode])).toEqual([
      ['unknown', 'interrupted'],
      ['unknown', 'interrupted'],
      ['unknown', 'interrupted'],
    ]);

    // The first call finally fails; it must not undo the reconciliation or retry anyone.
    release();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await list(agent, base)).every((e) => e.status === 'unknown')).toBe(true);
    expect(email.sendBatch).toHaveBeenCalledTimes(1);
    expect(email.send).not.toHaveBeenCalled();
    expect(posted).toHaveLength(0);
  }, 90_000);
});
