import { createHmac, randomBytes } from 'node:crypto';
import { Clock } from '@cadence/api-core';
import { basicAuthOf, LocalProviderServer, RecordedRequest, Reply, startProviderServer } from '../../testing/local-provider-server';
import { PermanentFailureReason, PermanentProviderError, TransientProviderError } from '../channel.exception';
import type { SmsMessage, TwilioCredentials } from '../port/channel.port';
import { ChannelPrices, usdToMicros } from '../rules/cost-estimator';
import { TwilioAdapter } from './twilio.adapter';

const credentials: TwilioCredentials = { accountSid: `AC${'a1'.repeat(16)}`, authToken: 'f'.repeat(32), fromNumber: '+15005550006' };
const prices: ChannelPrices = { smsSegmentMicros: usdToMicros(0.0083), smsCarrierFeeMicros: usdToMicros(0.003), emailMicros: 0, rvmMicros: 0, rvmComplianceFeeMicros: 0, ttsCharacterMicros: 0 };
const clock = { now: () => new Date('2026-06-10T15:00:00Z') } as Clock;

const message = (overrides: Partial<SmsMessage> = {}): SmsMessage => ({
  channel: 'sms',
  executionId: 'exec-1',
  idempotencyKey: 'idem-1',
  to: '+14155550100',
  body: 'Hi Ana, new listing on Elm St. Reply STOP to opt out',
  statusCallbackUrl: 'https://api.cadence.test/api/webhooks/twilio/status',
  ...overrides,
});

const twilioError = (status: number, code: number, text: string): Reply => ({
  status,
  body: { code, message: text, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
});

/** Answers like api.twilio.com: checks auth, path, form encoding and required params first. */
function fakeTwilio(request: RecordedRequest): Reply {
  const auth = basicAuthOf(request.headers);
  if (!auth || auth[0] !== credentials.accountSid || auth[1] !== credentials.authToken) return twilioError(401, 20003, 'Authenticate');
  if (request.method !== 'POST' || request.path !== `/2010-04-01/Accounts/${credentials.accountSid}/Messages.json`) return twilioError(404, 20404, 'Not found');
  if (request.headers['content-type'] !== 'application/x-www-form-urlencoded') return twilioError(400, 21600, 'Expected form encoding');
  const form = new URLSearchParams(request.text);
  if (!form.get('To') || !form.get('Body')) return twilioError(400, 21604, "A 'To' phone number and 'Body' are required.");
  if (form.has('From') === form.has('MessagingServiceSid')) return twilioError(400, 21603, "Exactly one of 'From' and 'MessagingServiceSid' is required");
  switch (form.get('To')) {
    case '+15005550004':
      return twilioError(400, 21610, 'Attempt to send to unsubscribed recipient');
    case '+15550000429':
      return { status: 429, headers: { 'retry-after': '7' }, body: { code: 20429, message: 'Too Many Requests', status: 429 } };
    case '+15550000500':
      return twilioError(500, 20500, 'Internal Server Error');
    case '+15550000999':
      return { status: 0, hang: true };
  }
  const viaService = form.has('MessagingServiceSid');
  return {
    status: 201,
    body: {
      sid: `SM${randomBytes(16).toString('hex')}`,
      account_sid: credentials.accountSid,
      to: form.get('To'),
      from: viaService ? null : form.get('From'),
      messaging_service_sid: form.get('MessagingServiceSid'),
      body: form.get('Body'),
      status: viaService ? 'accepted' : 'queued',
      num_segments: viaService ? '0' : '1',
      num_media: '0',
      direction: 'outbound-api',
      api_version: '2010-04-01',
      price: null,
      price_unit: 'USD',
      error_code: null,
      error_message: null,
      date_created: 'Wed, 10 Jun 2026 15:00:00 +0000',
      date_updated: 'Wed, 10 Jun 2026 15:00:00 +0000',
      date_sent: null,
      uri: `/2010-04-01/Accounts/${credentials.accountSid}/Messages/SMx.json`,
      subresource_uris: {},
    },
  };
}

describe('TwilioAdapter against a local Twilio', () => {
  let server: LocalProviderServer;
  let adapter: TwilioAdapter;

  beforeAll(async () => {
    server = await startProviderServer(fakeTwilio);
    adapter = new TwilioAdapter({ prices, clock, timeoutMs: 1000, apiBaseUrl: server.url });
  });
  afterAll(() => server.close());
  beforeEach(() => server.requests.splice(0));

  it('posts the documented form with Basic auth and a status callback that names the execution', async () => {
    const result = await adapter.send(message(), credentials);

    expect(server.requests).toHaveLength(1);
    const [request] = server.requests as [RecordedRequest];
    expect(request.method).toBe('POST');
    expect(request.path).toBe(`/2010-04-01/Accounts/${credentials.accountSid}/Messages.json`);
    expect(basicAuthOf(request.headers)).toEqual([credentials.accountSid, credentials.authToken]);
    expect(Object.fromEntries(new URLSearchParams(request.text))).toEqual({
      To: '+14155550100',
      From: '+15005550006',
      Body: 'Hi Ana, new listing on Elm St. Reply STOP to opt out',
      StatusCallback: 'https://api.cadence.test/api/webhooks/twilio/status?executionId=exec-1',
    });
    expect(result).toMatchObject({ provider: 'twilio', status: 'queued', cost: null, acceptedAt: clock.now() });
    expect(result.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
  });

  it('sends through the messaging service when the account has one and the message names no sender', async () => {
    const serviceSid = `MG${'b2'.repeat(16)}`;
    const result = await adapter.send(message({ statusCallbackUrl: undefined, validityPeriodSeconds: 3600 }), { ...credentials, messagingServiceSid: serviceSid });
    const form = new URLSearchParams(server.requests[0]?.text);
    expect(form.get('MessagingServiceSid')).toBe(serviceSid);
    expect(form.has('From')).toBe(false);
    expect(form.has('StatusCallback')).toBe(false);
    expect(form.get('ValidityPeriod')).toBe('3600');
    expect(result.status).toBe('queued');
  });

  it('classifies 21610 as permanent and opted out', async () => {
    const error = await adapter.send(message({ to: '+15005550004' }), credentials).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentProviderError);
    expect(error).toMatchObject({ reason: PermanentFailureReason.OptedOut, providerCode: '21610', httpStatus: 400, optedOut: true });
  });

  it('classifies 429 as transient and keeps Retry-After', async () => {
    const error = await adapter.send(message({ to: '+15550000429' }), credentials).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientProviderError);
    expect(error).toMatchObject({ httpStatus: 429, providerCode: '20429', retryAfterMs: 7000, mayHaveBeenAccepted: false });
  });

  it('classifies 500 as transient', async () => {
    const error = await adapter.send(message({ to: '+15550000500' }), credentials).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientProviderError);
    expect(error).toMatchObject({ httpStatus: 500 });
  });

  it('classifies refused credentials as a permanent authentication failure', async () => {
    const error = await adapter.send(message(), { ...credentials, authToken: '0'.repeat(32) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: PermanentFailureReason.Authentication, httpStatus: 401, providerCode: '20003' });
  });

  it('classifies a timeout as transient but possibly accepted (Twilio takes no idempotency key)', async () => {
    const slow = new TwilioAdapter({ prices, clock, timeoutMs: 200, apiBaseUrl: server.url });
    const error = await slow.send(message({ to: '+15550000999' }), credentials).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientProviderError);
    expect(error).toMatchObject({ mayHaveBeenAccepted: true });
    expect(adapter.idempotentSends).toBe(false);
  });

  it('classifies a refused connection as transient and certainly not sent', async () => {
    const gone = await startProviderServer(fakeTwilio);
    await gone.close();
    const error = await new TwilioAdapter({ prices, clock, timeoutMs: 1000, apiBaseUrl: gone.url }).send(message(), credentials).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientProviderError);
    expect(error).toMatchObject({ providerCode: 'ECONNREFUSED', mayHaveBeenAccepted: false });
  });

  it('refuses what Twilio would refuse without calling it', async () => {
    await expect(adapter.send(message({ to: '4155550100' }), credentials)).rejects.toMatchObject({ reason: PermanentFailureReason.InvalidRecipient });
    await expect(adapter.send(message({ body: 'x'.repeat(1601) }), credentials)).rejects.toMatchObject({ reason: PermanentFailureReason.InvalidMessage });
    await expect(adapter.send(message(), { accountSid: credentials.accountSid, authToken: credentials.authToken })).rejects.toMatchObject({
      reason: PermanentFailureReason.InvalidSender,
    });
    expect(server.requests).toHaveLength(0);
  });

  it('estimates the cost per segment', () => {
    expect(adapter.estimateCost(message({ body: 'a'.repeat(200) })).totalMicros).toBe(2 * (8300 + 3000));
  });
});

describe('Twilio webhooks', () => {
  const adapter = new TwilioAdapter({ prices, clock, timeoutMs: 1000 });
  const url = 'https://api.cadence.test/api/webhooks/twilio/status?executionId=exec-1';

  /** Twilio's algorithm written out: URL, then each field name+value sorted by name, HMAC-SHA1, base64. */
  const sign = (token: string, signedUrl: string, fields: Record<string, string>) =>
    createHmac('sha1', token)
      .update(signedUrl + Object.keys(fields).sort().map((k) => k + fields[k]).join(''))
      .digest('base64');

  const callback = (fields: Record<string, string>, signature = sign(credentials.authToken, url, fields)) => ({
    url,
    headers: { 'x-twilio-signature': signature, 'content-type': 'application/x-www-form-urlencoded' },
    rawBody: new URLSearchParams(fields).toString(),
    receivedAt: new Date('2026-06-10T15:00:05Z'),
  });

  const delivered = { MessageSid: 'SM1', SmsSid: 'SM1', AccountSid: credentials.accountSid, From: '+15005550006', To: '+14155550100', MessageStatus: 'delivered', SmsStatus: 'delivered', ApiVersion: '2010-04-01' };

  it('accepts a correctly signed callback and rejects a tampered or unsigned one', () => {
    expect(adapter.verifySignature(callback(delivered), credentials)).toEqual({ valid: true });
    const tampered = { ...callback(delivered), rawBody: new URLSearchParams({ ...delivered, MessageStatus: 'failed' }).toString() };
    expect(adapter.verifySignature(tampered, credentials)).toEqual({ valid: false, reason: 'mismatch' });
    expect(adapter.verifySignature({ ...callback(delivered), headers: {} }, credentials)).toEqual({ valid: false, reason: 'missing_signature' });
    expect(adapter.verifySignature(callback(delivered), { ...credentials, authToken: 'e'.repeat(32) })).toEqual({ valid: false, reason: 'mismatch' });
  });

  it('maps a delivered callback to our status with its execution and dedupe key', () => {
    expect(adapter.parseEvent(callback(delivered))).toEqual([
      {
        provider: 'twilio',
        channel: 'sms',
        providerEventId: 'SM1:delivered',
        providerMessageId: 'SM1',
        executionId: 'exec-1',
        recipient: '+14155550100',
        status: 'delivered',
        optedOut: false,
        optedIn: false,
        occurredAt: new Date('2026-06-10T15:00:05Z'),
        raw: delivered,
      },
    ]);
  });

  it('maps undelivered with its error code, and a 21610 failure as an opt-out', () => {
    const [unreachable] = adapter.parseEvent(callback({ ...delivered, MessageStatus: 'undelivered', ErrorCode: '30003' }));
    expect(unreachable).toMatchObject({ status: 'undelivered', error: { code: '30003', retryable: true }, optedOut: false });
    const [optedOut] = adapter.parseEvent(callback({ ...delivered, MessageStatus: 'failed', ErrorCode: '21610' }));
    expect(optedOut).toMatchObject({ status: 'failed', optedOut: true, error: { code: '21610', retryable: false } });
  });

  it('reads inbound replies: text is a response, STOP an opt-out, START an opt-in', () => {
    const inbound = (body: string, extra: Record<string, string> = {}) =>
      adapter.parseEvent({ url: 'https://api.cadence.test/api/webhooks/twilio/inbound', headers: {}, rawBody: new URLSearchParams({ MessageSid: 'SM9', From: '+14155550100', To: '+15005550006', Body: body, NumMedia: '0', ...extra }).toString() })[0];
    expect(inbound('Yes, call me about Elm St')).toMatchObject({ status: 'responded', optedOut: false, recipient: '+14155550100', replyText: 'Yes, call me about Elm St', providerEventId: 'SM9:received' });
    expect(inbound(' Stop. ')).toMatchObject({ status: null, optedOut: true });
    expect(inbound('opt out')).toMatchObject({ status: null, optedOut: true });
    expect(inbound('stop please')).toMatchObject({ status: 'responded', optedOut: false });
    expect(inbound('unstop')).toMatchObject({ status: null, optedIn: true });
    expect(inbound('arrête', { OptOutType: 'STOP' })).toMatchObject({ status: null, optedOut: true });
    expect(inbound('HELP')).toMatchObject({ status: null, optedOut: false, optedIn: false });
  });

  it('refuses a body that is no Twilio webhook', () => {
    expect(() => adapter.parseEvent({ url, headers: {}, rawBody: 'hello=world' })).toThrow(/MessageSid/);
  });
});
