import { createHmac, randomUUID } from 'node:crypto';
import { Clock } from '@cadence/api-core';
import { LocalProviderServer, RecordedRequest, Reply, startProviderServer } from '../../testing/local-provider-server';
import { PermanentFailureReason, PermanentProviderError, TransientProviderError } from '../channel.exception';
import type { DropCowboyCredentials, VoicemailMessage } from '../port/channel.port';
import { usdToMicros } from '../rules/cost-estimator';
import { DropCowboyAdapter } from './dropcowboy.adapter';
import { callbackToken } from './dropcowboy-webhook';

const credentials: DropCowboyCredentials = { apiKey: 'key_live_1', apiSecret: 'secret_live_1', webhookSigningSecrets: ['whsec_old', 'whsec_new'], phoneLineId: 'line_9', brandId: 'brand_7' };
const now = new Date('2026-06-10T15:00:00Z');
const clock = { now: () => now } as Clock;
const prices = { smsSegmentMicros: 0, smsCarrierFeeMicros: 0, emailMicros: 0, rvmMicros: usdToMicros(0.04), rvmComplianceFeeMicros: usdToMicros(0.01), ttsCharacterMicros: 20 };

const message = (overrides: Partial<VoicemailMessage> = {}): VoicemailMessage => ({
  channel: 'voicemail',
  executionId: 'exec-1',
  idempotencyKey: 'exec-1:attempt',
  to: '+14155550100',
  audio: { kind: 'tts', voiceId: 'voice_ana', ttsBody: 'Hi Ana, this is Bo Reyes with Elm Realty. Call me back at 415 555 0199. To opt out, press 9.' },
  callbackUrl: 'https://api.cadence.test/api/webhooks/dropcowboy',
  ...overrides,
});

/** Answers like api-v2.dropcowboy.com: 401 only without credentials, 202 for drops, idempotency kept per key. */
function fakeDropCowboy() {
  const byKey = new Map<string, { body: string; messageId: string }>();
  const drops: string[] = [];
  const handler = (request: RecordedRequest): Reply => {
    if (request.path.startsWith('/signed-upload/')) {
      const expected = request.path.endsWith('.mp3') ? 'audio/mpeg' : 'audio/wav';
      if (request.method !== 'PUT' || request.headers['content-type'] !== expected || request.headers['x-key'] || request.headers['x-secret']) return { status: 403, body: '<Error>SignatureDoesNotMatch</Error>' };
      return { status: 200 };
    }
    if (!request.headers['x-key'] || !request.headers['x-secret']) return { status: 401, body: { error: { code: 401, message: 'Missing API key' } } };
    if (!String(request.headers['content-type']).startsWith('application/json')) return { status: 415, body: { error: { message: 'JSON expected' } } };
    const body = JSON.parse(request.text || '{}') as Record<string, unknown>;
    if (request.method === 'POST' && request.path === '/rvm') {
      const key = request.headers['idempotency-key'];
      if (typeof key !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(key)) return { status: 400, body: { status: 'error', reason_code: 3028, reason: 'Invalid Idempotency-Key' } };
      const sources = ['media_id', 'tts_body', 'audio_url'].filter((f) => body[f] !== undefined);
      if (!body['to'] || sources.length !== 1) return { status: 202, body: { status: 'queued', message_id: randomUUID() } }; // fails later via callback, like the real one
      if (body['to'] === '+15550019429') return { status: 429, headers: { 'retry-after': '2' }, body: { error: { code: 429, message: 'Too many requests' } } };
      if (body['to'] === '+15550019500') return { status: 500, body: { error: { code: 500, message: 'Internal error' } } };
      const previous = byKey.get(key);
      if (previous && previous.body !== request.text) return { status: 409, body: { status: 'error', reason_code: 3027, reason: 'Idempotency-Key already used with a different request' } };
      if (previous) return { status: 202, body: { status: 'queued', message_id: previous.messageId } };
      const messageId = randomUUID();
      byKey.set(key, { body: request.text, messageId });
      drops.push(String(body['to']));
      return { status: 202, body: { status: 'queued', message_id: messageId } };
    }
    if (request.method === 'POST' && request.path === '/media/public/media') {
      if (body['type'] !== 'rvm' || !body['name']) return { status: 400, body: { error: { message: 'name and type are required' } } };
      if (body['signed_upload'] === true) {
        return {
          status: 201,
          body: {
            data: { media_id: 'med_1', upload: { mp3: { url: `${serverUrl}/signed-upload/med_1.mp3?sig=abc`, content_type: 'audio/mpeg' }, wav: { url: `${serverUrl}/signed-upload/med_1.wav?sig=abc`, content_type: 'audio/wav' } } },
            meta: { request_id: 'req_1' },
          },
        };
      }
      if (typeof body['url'] === 'string' && (body['ext'] === '.mp3' || body['ext'] === '.wav')) return { status: 201, body: { data: { media_id: 'med_2' }, meta: { request_id: 'req_2' } } };
      return { status: 400, body: { error: { message: 'url and ext, or signed_upload' } } };
    }
    if (request.method === 'POST' && request.path === '/media/public/media/med_1/complete') return { status: 200, body: { data: { media_id: 'med_1', status: 'ready' }, meta: { request_id: 'req_3' } } };
    return { status: 404, body: { error: { message: 'Not found' } } };
  };
  let serverUrl = '';
  return { handler, drops, setUrl: (url: string) => (serverUrl = url) };
}

describe('DropCowboyAdapter against a local Drop Cowboy v2', () => {
  let server: LocalProviderServer;
  let fake: ReturnType<typeof fakeDropCowboy>;
  let adapter: DropCowboyAdapter;

  beforeAll(async () => {
    fake = fakeDropCowboy();
    server = await startProviderServer(fake.handler);
    fake.setUrl(server.url);
    adapter = new DropCowboyAdapter({ prices, clock, timeoutMs: 2000, apiBaseUrl: server.url });
  });
  afterAll(() => server.close());
  beforeEach(() => server.requests.splice(0));

  it('posts the drop with key headers, our idempotency key, foreign_id and an authenticated callback URL', async () => {
    const result = await adapter.send(message(), credentials);

    const [request] = server.requests as [RecordedRequest];
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/rvm');
    expect(request.headers['x-key']).toBe('key_live_1');
    expect(request.headers['x-secret']).toBe('secret_live_1');
    expect(request.headers['idempotency-key']).toBe('exec-1:attempt');
    expect(JSON.parse(request.text)).toEqual({
      to: '+14155550100',
      tts_body: 'Hi Ana, this is Bo Reyes with Elm Realty. Call me back at 415 555 0199. To opt out, press 9.',
      voice_id: 'voice_ana',
      foreign_id: 'exec-1',
      callback_url: `https://api.cadence.test/api/webhooks/dropcowboy?cb_token=${callbackToken('secret_live_1', 'exec-1')}`,
      phone_line_id: 'line_9',
      brand_id: 'brand_7',
    });
    expect(result).toMatchObject({ provider: 'dropcowboy', status: 'queued', acceptedAt: now });
    expect(result.providerMessageId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends a media id or audio URL as the only audio source', async () => {
    await adapter.send(message({ idempotencyKey: 'k-media', audio: { kind: 'media', mediaId: 'med_1' }, callbackUrl: undefined, postalCode: '94103' }), credentials);
    await adapter.send(message({ idempotencyKey: 'k-url', audio: { kind: 'url', audioUrl: 'https://api.cadence.test/api/media/abc' } }), { ...credentials, phoneLineId: undefined, brandId: undefined });
    const [media, url] = server.requests.map((r) => JSON.parse(r.text) as Record<string, unknown>);
    expect(media).toEqual({ to: '+14155550100', media_id: 'med_1', foreign_id: 'exec-1', phone_line_id: 'line_9', brand_id: 'brand_7', postal_code: '94103' });
    expect(url).toMatchObject({ audio_url: 'https://api.cadence.test/api/media/abc' });
    expect(url).not.toHaveProperty('phone_line_id');
  });

  it('is safe to retry: the same key and body drop once and return the same message id', async () => {
    const first = await adapter.send(message({ idempotencyKey: 'k-retry', to: '+14155550111' }), credentials);
    const second = await adapter.send(message({ idempotencyKey: 'k-retry', to: '+14155550111' }), credentials);
    expect(second.providerMessageId).toBe(first.providerMessageId);
    expect(fake.drops.filter((to) => to === '+14155550111')).toHaveLength(1);
    expect(adapter.idempotentSends).toBe(true);
  });

  it('classifies a reused key with another body as permanent (3027)', async () => {
    await adapter.send(message({ idempotencyKey: 'k-reuse', to: '+14155550122' }), credentials);
    const error = await adapter.send(message({ idempotencyKey: 'k-reuse', to: '+14155550133' }), credentials).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentProviderError);
    expect(error).toMatchObject({ providerCode: '3027', httpStatus: 409, reason: PermanentFailureReason.InvalidMessage });
  });

  it('classifies 429 (with Retry-After) and 500 as transient, missing credentials as permanent', async () => {
    const busy = await adapter.send(message({ to: '+15550019429' }), credentials).catch((e: unknown) => e);
    expect(busy).toBeInstanceOf(TransientProviderError);
    expect(busy).toMatchObject({ httpStatus: 429, retryAfterMs: 2000 });
    const broken = await adapter.send(message({ to: '+15550019500' }), credentials).catch((e: unknown) => e);
    expect(broken).toBeInstanceOf(TransientProviderError);
    expect(broken).toMatchObject({ httpStatus: 500 });
    const anonymous = await adapter.send(message(), { ...credentials, apiKey: '' }).catch((e: unknown) => e);
    expect(anonymous).toMatchObject({ reason: PermanentFailureReason.Authentication, httpStatus: 401 });
  });

  it('refuses what Drop Cowboy would accept and fail later, without calling it', async () => {
    await expect(adapter.send(message({ audio: { kind: 'tts', voiceId: 'v', ttsBody: 'x'.repeat(1201) } }), credentials)).rejects.toMatchObject({ reason: PermanentFailureReason.InvalidMessage });
    await expect(adapter.send(message({ idempotencyKey: 'has space' }), credentials)).rejects.toMatchObject({ reason: PermanentFailureReason.InvalidMessage });
    await expect(adapter.send(message({ to: '415-555-0100' }), credentials)).rejects.toMatchObject({ reason: PermanentFailureReason.InvalidRecipient });
    expect(server.requests).toHaveLength(0);
  });

  it('uploads per-contact audio: create, PUT to the signed URL with its content type only, complete', async () => {
    const bytes = Buffer.from('ID3 fake mp3 bytes');
    const { mediaId } = await adapter.uploadMedia({ name: 'exec-1.mp3', format: 'mp3', bytes }, credentials);
    expect(mediaId).toBe('med_1');
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /media/public/media', 'PUT /signed-upload/med_1.mp3', 'POST /media/public/media/med_1/complete']);
    const [create, put, complete] = server.requests as [RecordedRequest, RecordedRequest, RecordedRequest];
    expect(JSON.parse(create.text)).toEqual({ name: 'exec-1.mp3', type: 'rvm', signed_upload: true });
    expect(put.query.get('sig')).toBe('abc');
    expect(put.headers['content-type']).toBe('audio/mpeg');
    expect(put.headers['x-key']).toBeUndefined();
    expect(put.body.equals(bytes)).toBe(true);
    expect(JSON.parse(complete.text)).toEqual({});
    expect(complete.headers['x-key']).toBe('key_live_1');
  });

  it('imports audio by URL', async () => {
    await expect(adapter.importMedia({ name: 'exec-2.wav', format: 'wav', url: 'https://api.cadence.test/api/media/xyz' }, credentials)).resolves.toEqual({ mediaId: 'med_2' });
    expect(JSON.parse(server.requests[0]?.text ?? '')).toEqual({ name: 'exec-2.wav', type: 'rvm', url: 'https://api.cadence.test/api/media/xyz', ext: '.wav' });
  });

  it('estimates drop price + compliance fee + TTS per character', () => {
    const ttsBody = 'y'.repeat(100);
    expect(adapter.estimateCost(message({ audio: { kind: 'tts', voiceId: 'v', ttsBody } })).totalMicros).toBe(40_000 + 10_000 + 100 * 20);
  });
});

describe('Drop Cowboy webhooks and callbacks', () => {
  const adapter = new DropCowboyAdapter({ prices, clock, timeoutMs: 2000, apiBaseUrl: 'http://unused.test' });
  const ts = String(now.getTime() / 1000);
  const hmac = (secret: string, body: string, timestamp = ts) => `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
  const envelope = JSON.stringify({
    event_id: 'evt_1',
    event: 'contact.rvm.status',
    event_at: now.getTime() - 5000,
    data: { team_id: 't1', contact_id: 'c1', drop_id: 'd1', campaign_id: null, campaign_type: 'api', status: 'failure', reason: 'No answer', reason_code: 4005, to: '+14155550100', from: '+14155550199' },
  });
  const webhook = (body = envelope, signature = hmac('whsec_new', body), timestamp = ts) => ({
    url: 'https://api.cadence.test/api/webhooks/dropcowboy',
    headers: { 'X-Signature': signature, 'X-Timestamp': timestamp, 'X-Signature-Version': 'v1', 'X-Event-Id': 'evt_1' },
    rawBody: body,
  });
  const callbackBody = (extra: Record<string, unknown> = {}) =>
    JSON.stringify({ drop_id: 'd2', phone_number: '+14155550100', status: 'success', reason: '', reason_code: 0, product_cost: 0.04, compliance_fee: 0.01, tts_fee: 0.002, dnc: false, attempt_date: '2026-06-10T15:01:00Z', foreign_id: 'exec-1', ...extra });
  const callback = (body = callbackBody(), token = callbackToken(credentials.apiSecret, 'exec-1')) => ({
    url: `https://api.cadence.test/api/webhooks/dropcowboy?cb_token=${token}`,
    headers: { 'content-type': 'application/json' },
    rawBody: body,
  });

  it('verifies signed webhooks with any held secret, within five minutes', () => {
    expect(adapter.verifySignature(webhook(), credentials)).toEqual({ valid: true });
    expect(adapter.verifySignature(webhook(envelope, hmac('whsec_old', envelope)), credentials)).toEqual({ valid: true });
    expect(adapter.verifySignature(webhook(envelope, hmac('whsec_other', envelope)), credentials)).toEqual({ valid: false, reason: 'mismatch' });
    expect(adapter.verifySignature({ ...webhook(), rawBody: envelope.replace('4005', '0') }, credentials)).toEqual({ valid: false, reason: 'mismatch' });
    const old = String(Number(ts) - 301);
    expect(adapter.verifySignature(webhook(envelope, hmac('whsec_new', envelope, old), old), credentials)).toEqual({ valid: false, reason: 'stale_timestamp' });
    expect(adapter.verifySignature(webhook(), { ...credentials, webhookSigningSecrets: [] })).toEqual({ valid: false, reason: 'no_key' });
  });

  it('authenticates callbacks by the token of their foreign_id', () => {
    expect(adapter.verifySignature(callback(), credentials)).toEqual({ valid: true });
    expect(adapter.verifySignature(callback(callbackBody({ foreign_id: 'exec-2' })), credentials)).toEqual({ valid: false, reason: 'mismatch' });
    expect(adapter.verifySignature({ ...callback(), url: 'https://api.cadence.test/api/webhooks/dropcowboy' }, credentials)).toEqual({ valid: false, reason: 'missing_signature' });
  });

  it('reads a successful callback as delivered, with its execution and what it cost', () => {
    const [event] = adapter.parseEvent(callback());
    expect(event).toMatchObject({
      provider: 'dropcowboy',
      channel: 'voicemail',
      providerEventId: 'callback:exec-1',
      executionId: 'exec-1',
      recipient: '+14155550100',
      status: 'delivered',
      optedOut: false,
      occurredAt: new Date('2026-06-10T15:01:00Z'),
    });
    expect(event?.cost?.totalMicros).toBe(52_000);
    expect(event?.error).toBeUndefined();
  });

  it('reads a DNC failure as an opt-out, and a full mailbox as final', () => {
    expect(adapter.parseEvent(callback(callbackBody({ status: 'failure', reason: 'Internal DNC', reason_code: 4016, product_cost: 0 })))[0]).toMatchObject({
      status: 'failed',
      optedOut: true,
      error: { code: '4016', retryable: false },
    });
    expect(adapter.parseEvent(callback(callbackBody({ status: 'failure', reason: 'Mailbox full', reason_code: 4002 })))[0]).toMatchObject({
      status: 'undelivered',
      error: { code: '4002', reason: 'Mailbox full', retryable: false },
    });
  });

  it('reads a status webhook by recipient (it carries no foreign_id), and a receipt as no change', () => {
    expect(adapter.parseEvent(webhook())[0]).toMatchObject({
      providerEventId: 'evt_1',
      recipient: '+14155550100',
      status: 'undelivered',
      error: { code: '4005', reason: 'No answer', retryable: true },
      occurredAt: new Date(now.getTime() - 5000),
    });
    expect(adapter.parseEvent(webhook())[0]?.executionId).toBeUndefined();
    const receipt = JSON.stringify({ event_id: 'evt_2', event: 'contact.rvm.receipt', event_at: now.getTime(), data: { status: 'success', reason_code: 0, to: '+14155550100', proof_of_delivery_url: 'https://x' } });
    expect(adapter.parseEvent(webhook(receipt))[0]).toMatchObject({ providerEventId: 'evt_2', status: null, optedOut: false });
  });

  it('refuses a body that is neither', () => {
    expect(() => adapter.parseEvent({ url: 'https://x.test', headers: {}, rawBody: '{"hello":1}' })).toThrow(/neither/);
  });
});
