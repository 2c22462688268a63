import { generateKeyPairSync, sign } from 'node:crypto';
import { Clock } from '@cadence/api-core';
import { LocalProviderServer, RecordedRequest, Reply, startProviderServer } from '../../testing/local-provider-server';
import { PermanentFailureReason, PermanentProviderError, TransientProviderError } from '../channel.exception';
import type { EmailBatch, EmailBatchRecipient, EmailMessage, SendGridCredentials } from '../port/channel.port';
import { usdToMicros } from '../rules/cost-estimator';
import { chunkRecipients } from './sendgrid-mail';
import { SendGridAdapter } from './sendgrid.adapter';
import { signSendGridPayload } from './sendgrid-webhook';

const keys = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const credentials: SendGridCredentials = {
  apiKey: 'SG.test-key.secret',
  webhookPublicKey: keys.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
};
const now = new Date('2026-06-10T15:00:00Z');
const clock = { now: () => now } as Clock;
const prices = { smsSegmentMicros: 0, smsCarrierFeeMicros: 0, emailMicros: usdToMicros(0.0004), rvmMicros: 0, rvmComplianceFeeMicros: 0, ttsCharacterMicros: 0 };

interface WireMail {
  personalizations: { to: { email: string; name?: string }[]; subject?: string; headers?: Record<string, string>; custom_args: Record<string, string>; substitutions?: Record<string, string> }[];
  from: { email: string; name?: string };
  reply_to?: { email: string };
  subject?: string;
  content: { type: string; value: string }[];
  categories?: string[];
  tracking_settings?: unknown;
  mail_settings?: unknown;
}

const sendGridError = (status: number, message: string, field: string | null, headers?: Record<string, string>): Reply => ({
  status,
  headers,
  body: { errors: [{ message, field, help: null }] },
});

let messageCounter = 0;

/** Answers like api.sendgrid.com/v3/mail/send, checking what SendGrid checks. */
function fakeSendGrid(request: RecordedRequest): Reply {
  if (request.headers.authorization !== `Bearer ${credentials.apiKey}`) return sendGridError(401, 'The provided authorization grant is invalid, expired, or revoked', null);
  if (request.method !== 'POST' || request.path !== '/v3/mail/send') return sendGridError(404, 'Not found', null);
  if (!String(request.headers['content-type']).startsWith('application/json')) return sendGridError(415, 'Content-Type must be application/json', null);
  const mail = JSON.parse(request.text) as WireMail;
  if (!Array.isArray(mail.personalizations) || mail.personalizations.length < 1 || mail.personalizations.length > 1000) {
    return sendGridError(400, 'The personalizations field must have between 1 and 1000 items', 'personalizations');
  }
  const seen = new Set<string>();
  for (const [i, p] of mail.personalizations.entries()) {
    for (const to of p.to) {
      if (seen.has(to.email.toLowerCase())) return sendGridError(400, 'Each email address in the personalization block should be unique', `personalizations.${i}.to`);
      seen.add(to.email.toLowerCase());
      if (to.email.endsWith('.invalid')) return sendGridError(400, 'Does not contain a valid address.', `personalizations.${i}.to.0.email`);
    }
  }
  if (!mail.from?.email) return sendGridError(400, 'The from object must be provided', 'from');
  if (mail.content[0]?.type !== 'text/plain' && mail.content.some((c) => c.type === 'text/plain')) return sendGridError(400, 'text/plain must come first', 'content');
  if (mail.from.email === 'busy@agent.test') return sendGridError(429, 'too many requests', null, { 'x-ratelimit-reset': String(now.getTime() / 1000 + 12) });
  if (mail.from.email === 'broken@agent.test') return sendGridError(500, 'Internal server error', null);
  messageCounter += 1;
  return { status: 202, headers: { 'x-message-id': `msg${messageCounter}AbCdEfGhIjKlMn` } };
}

const message = (overrides: Partial<EmailMessage> = {}): EmailMessage => ({
  channel: 'email',
  executionId: 'exec-1',
  idempotencyKey: 'idem-1',
  to: { email: 'ana@example.com', name: 'Ana' },
  from: { email: 'bo@agent.test', name: 'Bo Reyes' },
  replyTo: { email: 'bo.reyes@agent.test' },
  subject: 'New listing on Elm St',
  html: '<p>Hi Ana</p>',
  text: 'Hi Ana',
  listUnsubscribe: { url: 'https://api.cadence.test/api/v1/unsubscribe/tok1', mailto: 'unsubscribe@agent.test' },
  categories: ['campaign'],
  customArgs: { campaignId: 'camp-1' },
  ...overrides,
});

describe('SendGridAdapter against a local SendGrid', () => {
  let server: LocalProviderServer;
  let adapter: SendGridAdapter;
  const bodies = () => server.requests.map((r) => JSON.parse(r.text) as WireMail);

  beforeAll(async () => {
    server = await startProviderServer(fakeSendGrid);
    adapter = new SendGridAdapter({ prices, clock, timeoutMs: 2000, apiBaseUrl: server.url, sandboxMode: false });
  });
  afterAll(() => server.close());
  beforeEach(() => server.requests.splice(0));

  it('posts one personalization with our execution id, one-click unsubscribe headers and Bearer auth', async () => {
    const result = await adapter.send(message(), credentials);

    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.headers.authorization).toBe('Bearer SG.test-key.secret');
    expect(bodies()[0]).toEqual({
      personalizations: [
        {
          to: [{ email: 'ana@example.com', name: 'Ana' }],
          headers: { 'List-Unsubscribe': '<https://api.cadence.test/api/v1/unsubscribe/tok1>, <mailto:unsubscribe@agent.test>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
          custom_args: { campaignId: 'camp-1', executionId: 'exec-1' },
        },
      ],
      from: { email: 'bo@agent.test', name: 'Bo Reyes' },
      reply_to: { email: 'bo.reyes@agent.test' },
      subject: 'New listing on Elm St',
      content: [
        { type: 'text/plain', value: 'Hi Ana' },
        { type: 'text/html', value: '<p>Hi Ana</p>' },
      ],
      categories: ['campaign'],
      tracking_settings: { subscription_tracking: { enable: false } },
    });
    expect(result).toMatchObject({ provider: 'sendgrid', providerMessageId: expect.stringMatching(/^msg\d+AbCdEfGhIjKlMn$/), status: 'queued', acceptedAt: now });
  });

  it('asks SendGrid to validate without delivering in sandbox mode', async () => {
    await new SendGridAdapter({ prices, clock, timeoutMs: 2000, apiBaseUrl: server.url, sandboxMode: true }).send(message({ listUnsubscribe: undefined }), credentials);
    expect(bodies()[0]?.mail_settings).toEqual({ sandbox_mode: { enable: true } });
    expect(bodies()[0]?.tracking_settings).toBeUndefined();
  });

  it('sends a batch of the same templates as one request, merging per recipient through substitutions', async () => {
    const recipient = (n: number, data: EmailBatchRecipient['data']): EmailBatchRecipient => ({
      executionId: `exec-${n}`,
      idempotencyKey: `idem-${n}`,
      to: { email: `contact${n}@example.com` },
      data,
      listUnsubscribe: { url: `https://api.cadence.test/api/v1/unsubscribe/tok${n}` },
    });
    const batch: EmailBatch = {
      channel: 'email',
      from: { email: 'bo@agent.test' },
      subject: '{{firstName|Neighbor}}, about {{propertyAddress}}',
      html: '<p>Hi {{firstName|there}},</p><p>{{agentName}} — {{propertyAddress}}</p>',
      text: 'Hi {{firstName|there}}, {{agentName}} about {{propertyAddress}}',
      recipients: [recipient(1, { firstName: 'Ana', agentName: 'Bo', propertyAddress: '12 Elm St' }), recipient(2, { agentName: 'Bo', propertyAddress: '3 <Oak> & Co' })],
    };

    const outcomes = await adapter.sendBatch(batch, credentials);

    expect(server.requests).toHaveLength(1);
    const wire = bodies()[0] as WireMail;
    expect(wire.content).toEqual([
      { type: 'text/plain', value: 'Hi %cadence-t0%, %cadence-t1% about %cadence-t2%' },
      { type: 'text/html', value: '<p>Hi %cadence-h0%,</p><p>%cadence-h1% — %cadence-h2%</p>' },
    ]);
    expect(wire.personalizations.map((p) => p.subject)).toEqual(['Ana, about 12 Elm St', 'Neighbor, about 3 <Oak> & Co']);
    expect(wire.personalizations[1]?.substitutions).toEqual({
      '%cadence-t0%': 'there',
      '%cadence-h0%': 'there',
      '%cadence-t1%': 'Bo',
      '%cadence-h1%': 'Bo',
      '%cadence-t2%': '3 <Oak> & Co',
      '%cadence-h2%': '3 &lt;Oak&gt; &amp; Co',
    });
    expect(wire.personalizations.map((p) => p.custom_args)).toEqual([{ executionId: 'exec-1' }, { executionId: 'exec-2' }]);
    expect(wire.personalizations[1]?.headers?.['List-Unsubscribe']).toBe('<https://api.cadence.test/api/v1/unsubscribe/tok2>');
    expect(outcomes.map((o) => [o.executionId, o.ok])).toEqual([
      ['exec-1', true],
      ['exec-2', true],
    ]);
  });

  it('splits a batch at 1,000 personalizations and keeps a repeated address out of the same request', async () => {
    const recipients: EmailBatchRecipient[] = Array.from({ length: 1001 }, (_, i) => ({ executionId: `e${i}`, idempotencyKey: `k${i}`, to: { email: `c${i}@example.com` }, data: {} }));
    recipients.push({ executionId: 'dup', idempotencyKey: 'kdup', to: { email: 'C0@example.com' }, data: {} });
    const outcomes = await adapter.sendBatch({ channel: 'email', from: { email: 'bo@agent.test' }, subject: 'Hello', html: '<p>Hi</p>', text: 'Hi', recipients }, credentials);
    expect(bodies().map((b) => b.personalizations.length)).toEqual([1000, 2]);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(outcomes).toHaveLength(1002);
    const ids = outcomes.map((o) => (o.ok ? o.result.providerMessageId : ''));
    expect(new Set(ids).size).toBe(2);
  });

  it('fails only the recipients SendGrid or our checks blame, and sends the rest', async () => {
    const recipients: EmailBatchRecipient[] = [
      { executionId: 'a', idempotencyKey: 'a', to: { email: 'a@example.com' }, data: {} },
      { executionId: 'a2', idempotencyKey: 'a2', to: { email: 'a@example.com' }, data: {} },
      { executionId: 'ghost', idempotencyKey: 'g', to: { email: 'ghost@nowhere.invalid' }, data: {} },
      { executionId: 'typo', idempotencyKey: 't', to: { email: 'typo.example.com' }, data: {} },
      { executionId: 'b', idempotencyKey: 'b', to: { email: 'b@example.com' }, data: {} },
    ];
    const outcomes = await adapter.sendBatch({ channel: 'email', from: { email: 'bo@agent.test' }, subject: 'Hi', html: '', text: 'Hi', recipients }, credentials);
    expect(outcomes.map((o) => [o.executionId, o.ok])).toEqual([
      ['a', true],
      ['a2', true],
      ['ghost', false],
      ['typo', false],
      ['b', true],
    ]);
    for (const failed of [outcomes[2], outcomes[3]]) {
      expect(failed?.ok === false && failed.error).toBeInstanceOf(PermanentProviderError);
      expect(failed?.ok === false && failed.error).toMatchObject({ reason: PermanentFailureReason.InvalidRecipient });
    }
    // The typo never left; the chunk with the unknown domain was refused once, then sent without it.
    expect(bodies().map((b) => b.personalizations.map((p) => p.to[0]?.email))).toEqual([
      ['a@example.com', 'ghost@nowhere.invalid', 'b@example.com'],
      ['a@example.com', 'b@example.com'],
      ['a@example.com'],
    ]);
  });

  it('fails every recipient of a batch whose shared content is unsendable', async () => {
    const outcomes = await adapter.sendBatch(
      { channel: 'email', from: { email: 'nobody' }, subject: 'Hi', html: '', text: 'Hi', recipients: [{ executionId: 'a', idempotencyKey: 'a', to: { email: 'a@example.com' }, data: {} }] },
      credentials,
    );
    expect(outcomes[0]).toMatchObject({ executionId: 'a', ok: false, error: { reason: PermanentFailureReason.InvalidSender } });
    expect(server.requests).toHaveLength(0);
  });

  it('classifies 429 as transient with the wait SendGrid gave, 500 as transient, 401 as permanent', async () => {
    const busy = await adapter.send(message({ from: { email: 'busy@agent.test' } }), credentials).catch((e: unknown) => e);
    expect(busy).toBeInstanceOf(TransientProviderError);
    expect(busy).toMatchObject({ httpStatus: 429, retryAfterMs: 12_000 });
    const broken = await adapter.send(message({ from: { email: 'broken@agent.test' } }), credentials).catch((e: unknown) => e);
    expect(broken).toBeInstanceOf(TransientProviderError);
    expect(broken).toMatchObject({ httpStatus: 500 });
    const unauthorized = await adapter.send(message(), { ...credentials, apiKey: 'SG.wrong' }).catch((e: unknown) => e);
    expect(unauthorized).toMatchObject({ reason: PermanentFailureReason.Authentication, httpStatus: 401 });
  });

  it('classifies an unreachable SendGrid as transient', async () => {
    const gone = await startProviderServer(fakeSendGrid);
    await gone.close();
    const error = await new SendGridAdapter({ prices, clock, timeoutMs: 2000, apiBaseUrl: gone.url, sandboxMode: false }).send(message(), credentials).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientProviderError);
    expect(error).toMatchObject({ mayHaveBeenAccepted: false });
  });

  it('refuses malformed addresses and a non-HTTPS unsubscribe link before calling SendGrid', async () => {
    await expect(adapter.send(message({ to: { email: 'not-an-address' } }), credentials)).rejects.toMatchObject({ reason: PermanentFailureReason.InvalidRecipient });
    await expect(adapter.send(message({ listUnsubscribe: { url: 'http://x.test/u' } }), credentials)).rejects.toMatchObject({ reason: PermanentFailureReason.InvalidMessage });
    await expect(adapter.send(message({ categories: Array.from({ length: 11 }, (_, i) => `c${i}`) }), credentials)).rejects.toMatchObject({ reason: PermanentFailureReason.InvalidMessage });
    expect(server.requests).toHaveLength(0);
  });

  it('estimates the configured price per email', () => {
    expect(adapter.estimateCost().totalMicros).toBe(400);
  });
});

describe('chunkRecipients', () => {
  const r = (email: string): EmailBatchRecipient => ({ executionId: email, idempotencyKey: email, to: { email }, data: {} });
  it('fills chunks up to the size and moves repeats to the next chunk', () => {
    const chunks = chunkRecipients([r('a@x.io'), r('b@x.io'), r('A@x.io'), r('c@x.io'), r('a@x.io')], 3);
    expect(chunks.map((c) => c.map((x) => x.to.email))).toEqual([['a@x.io', 'b@x.io', 'c@x.io'], ['A@x.io'], ['a@x.io']]);
  });
});

describe('SendGrid event webhook', () => {
  const adapter = new SendGridAdapter({ prices, clock, timeoutMs: 2000, apiBaseUrl: 'http://unused.test', sandboxMode: false });
  const events = [
    { email: 'ana@example.com', timestamp: 1781103600, event: 'processed', sg_event_id: 'ev-processed', sg_message_id: 'msg1AbC.filterdrecv-1.0', executionId: 'exec-1', category: ['campaign'] },
    { email: 'ana@example.com', timestamp: 1781103605, event: 'delivered', sg_event_id: 'ev-delivered', sg_message_id: 'msg1AbC.filterdrecv-1.0', executionId: 'exec-1', response: '250 OK' },
    { email: 'ana@example.com', timestamp: 1781103700, event: 'open', sg_event_id: 'ev-open', sg_message_id: 'msg1AbC.filterdrecv-1.0', executionId: 'exec-1', sg_machine_open: true },
    { email: 'ana@example.com', timestamp: 1781103800, event: 'click', sg_event_id: 'ev-click', sg_message_id: 'msg1AbC.filterdrecv-1.0', executionId: 'exec-1', url: 'https://agent.test/elm' },
    { email: 'bo@example.com', timestamp: 1781103610, event: 'bounce', type: 'bounce', reason: '550 5.1.1 no such user', sg_event_id: 'ev-bounce', sg_message_id: 'msg2.x', executionId: 'exec-2' },
    { email: 'cy@example.com', timestamp: 1781103610, event: 'bounce', type: 'blocked', reason: '554 blocked', sg_event_id: 'ev-blocked', sg_message_id: 'msg3.x', executionId: 'exec-3' },
    { email: 'di@example.com', timestamp: 1781103610, event: 'dropped', reason: 'Unsubscribed Address', sg_event_id: 'ev-dropped', sg_message_id: 'msg4.x', executionId: 'exec-4' },
    { email: 'ed@example.com', timestamp: 1781103900, event: 'spamreport', sg_event_id: 'ev-spam', sg_message_id: 'msg5.x', executionId: 'exec-5' },
    { email: 'ed@example.com', timestamp: 1781103901, event: 'group_resubscribe', sg_event_id: 'ev-resub', sg_message_id: 'msg5.x', executionId: 'exec-5', asm_group_id: 7 },
    { email: 'fay@example.com', timestamp: 1781103611, event: 'deferred', attempt: '1', sg_event_id: 'ev-deferred', sg_message_id: 'msg6.x', executionId: 'exec-6' },
  ];
  const rawBody = `${JSON.stringify(events)}\r\n`;
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const signed = (body = rawBody, ts = timestamp, signature = signSendGridPayload(keys.privateKey, ts, body)) => ({
    url: 'https://api.cadence.test/api/webhooks/sendgrid',
    headers: { 'X-Twilio-Email-Event-Webhook-Signature': signature, 'X-Twilio-Email-Event-Webhook-Timestamp': ts },
    rawBody: Buffer.from(body),
  });

  it('accepts events signed with the configured key over timestamp + raw body', () => {
    const independent = sign('sha256', Buffer.from(timestamp + rawBody), keys.privateKey).toString('base64');
    expect(adapter.verifySignature(signed(rawBody, timestamp, independent), credentials)).toEqual({ valid: true });
    expect(adapter.verifySignature(signed(), credentials)).toEqual({ valid: true });
  });

  it('rejects a changed body, another key, an old timestamp and a missing signature', () => {
    expect(adapter.verifySignature({ ...signed(), rawBody: Buffer.from(rawBody.replace('bounce', 'delivered')) }, credentials)).toEqual({ valid: false, reason: 'mismatch' });
    const other = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    expect(adapter.verifySignature(signed(rawBody, timestamp, signSendGridPayload(other.privateKey, timestamp, rawBody)), credentials)).toEqual({ valid: false, reason: 'mismatch' });
    const old = String(Number(timestamp) - 301);
    expect(adapter.verifySignature(signed(rawBody, old), credentials)).toEqual({ valid: false, reason: 'stale_timestamp' });
    expect(adapter.verifySignature({ ...signed(), headers: {} }, credentials)).toEqual({ valid: false, reason: 'missing_signature' });
    expect(adapter.verifySignature(signed(), { ...credentials, webhookPublicKey: 'bm90IGEga2V5' })).toEqual({ valid: false, reason: 'no_key' });
  });

  it('maps every event type onto our statuses, opt-outs and errors', () => {
    const parsed = adapter.parseEvent(signed());
    expect(parsed.map((e) => [e.providerEventId, e.executionId, e.status, e.optedOut, e.optedIn])).toEqual([
      ['ev-processed', 'exec-1', 'queued', false, false],
      ['ev-delivered', 'exec-1', 'delivered', false, false],
      ['ev-open', 'exec-1', 'opened', false, false],
      ['ev-click', 'exec-1', 'clicked', false, false],
      ['ev-bounce', 'exec-2', 'bounced', false, false],
      ['ev-blocked', 'exec-3', 'undelivered', false, false],
      ['ev-dropped', 'exec-4', 'failed', true, false],
      ['ev-spam', 'exec-5', null, true, false],
      ['ev-resub', 'exec-5', null, false, true],
      ['ev-deferred', 'exec-6', 'sent', false, false],
    ]);
    expect(parsed[0]).toMatchObject({ provider: 'sendgrid', channel: 'email', providerMessageId: 'msg1AbC', recipient: 'ana@example.com', occurredAt: new Date(1781103600 * 1000) });
    expect(parsed[2]?.machineOpen).toBe(true);
    expect(parsed[3]?.clickedUrl).toBe('https://agent.test/elm');
    expect(parsed[4]?.error).toEqual({ code: 'bounce', reason: '550 5.1.1 no such user', retryable: false });
    expect(parsed[5]?.error).toEqual({ code: 'blocked', reason: '554 blocked', retryable: true });
  });

  it('refuses a body that is not an event array', () => {
    expect(() => adapter.parseEvent({ url: 'x', headers: {}, rawBody: '{"event":"open"}' })).toThrow(/array/);
    expect(() => adapter.parseEvent({ url: 'x', headers: {}, rawBody: 'not json' })).toThrow(/not JSON/);
  });
});
