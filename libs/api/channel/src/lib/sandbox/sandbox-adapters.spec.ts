import { Clock } from '@cadence/api-core';
import { PermanentFailureReason, PermanentProviderError, TransientProviderError } from '../channel.exception';
import { channelWebhookUrls } from '../port/channel-webhook-urls';
import type { DeliveryEvent, ProviderName, RawWebhookRequest } from '../port/channel.port';
import { ChannelPrices, usdToMicros } from '../rules/cost-estimator';
import { createSandboxEmailAdapter, createSandboxSmsAdapter, createSandboxVoicemailAdapter, SandboxSetup } from './sandbox-adapters';
import { sandboxAccounts } from './sandbox-credentials';
import { ManualSandboxScheduler, SandboxEventSink, SignedWebhookRequest } from './sandbox-runtime';

const prices: ChannelPrices = {
  smsSegmentMicros: usdToMicros(0.0083),
  smsCarrierFeeMicros: usdToMicros(0.0062),
  emailMicros: usdToMicros(0.0004),
  rvmMicros: usdToMicros(0.04),
  rvmComplianceFeeMicros: usdToMicros(0.005),
  ttsCharacterMicros: 10,
};
const webhookUrls = channelWebhookUrls('https://api.cadence.test/');
const accounts = sandboxAccounts('test-seed-0001');

class RecordingSink implements SandboxEventSink {
  readonly delivered: { provider: ProviderName; request: SignedWebhookRequest }[] = [];
  failNext = 0;

  async deliver(provider: ProviderName, request: SignedWebhookRequest): Promise<void> {
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error('503 from our webhook');
    }
    this.delivered.push({ provider, request });
  }
}

function sandbox() {
  const start = new Date('2026-06-10T15:00:00Z').getTime();
  let elapsed = 0;
  const clock = { now: () => new Date(start + elapsed) } as Clock;
  const scheduler = new ManualSandboxScheduler((ms) => (elapsed = ms));
  const sink = new RecordingSink();
  const setup: SandboxSetup = { clock, scheduler, sink, accounts, webhookUrls, prices, latencyMs: 50, eventDelayMs: 1000 };
  return { setup, scheduler, sink, clock };
}

const asRaw = (request: SignedWebhookRequest): RawWebhookRequest => ({ url: request.url, headers: request.headers, rawBody: request.rawBody });

describe('sandbox SMS (real Twilio adapter, simulated Twilio)', () => {
  const sms = (to: string, extra: Record<string, unknown> = {}) => ({
    channel: 'sms' as const,
    executionId: `exec-${to}`,
    idempotencyKey: `key-${to}`,
    to,
    body: 'Hi Ana, new listing on Elm St.\nReply STOP to opt out',
    statusCallbackUrl: webhookUrls.twilioStatus,
    ...extra,
  });

  it('accepts like Twilio, charges the configured price and posts signed sent → delivered callbacks', async () => {
    const { setup, scheduler, sink } = sandbox();
    const adapter = createSandboxSmsAdapter(setup);

    const result = await adapter.send(sms('+14155550100'), accounts.twilio);

    expect(result.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
    expect(result.status).toBe('queued');
    expect(result.cost?.totalMicros).toBe(adapter.estimateCost(sms('+14155550100')).totalMicros);
    expect(sink.delivered).toHaveLength(0);

    await scheduler.runAll();
    expect(sink.delivered.map((d) => d.request.url)).toEqual([`${webhookUrls.twilioStatus}?executionId=exec-%2B14155550100`, `${webhookUrls.twilioStatus}?executionId=exec-%2B14155550100`]);
    const events: DeliveryEvent[] = [];
    for (const { request } of sink.delivered) {
      expect(adapter.verifySignature(asRaw(request), accounts.twilio)).toEqual({ valid: true });
      events.push(...adapter.parseEvent(asRaw(request)));
    }
    expect(events.map((e) => [e.status, e.executionId, e.providerMessageId])).toEqual([
      ['sent', 'exec-+14155550100', result.providerMessageId],
      ['delivered', 'exec-+14155550100', result.providerMessageId],
    ]);
  });

  it.each([
    ['+15005550001', PermanentFailureReason.InvalidRecipient, '21211'],
    ['+15005550002', PermanentFailureReason.UnreachableRecipient, '21612'],
    ['+15005550003', PermanentFailureReason.InvalidSender, '21408'],
    ['+15005550004', PermanentFailureReason.OptedOut, '21610'],
    ['+15005550009', PermanentFailureReason.UnreachableRecipient, '21614'],
  ])('refuses Twilio test recipient %s for good (%s)', async (to, reason, code) => {
    const { setup, scheduler } = sandbox();
    const error = await createSandboxSmsAdapter(setup).send(sms(to), accounts.twilio).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentProviderError);
    expect(error).toMatchObject({ reason, providerCode: code });
    expect(scheduler.pending).toBe(0);
  });

  it('answers the throttling, outage and full-queue test numbers with transient errors', async () => {
    const { setup } = sandbox();
    const adapter = createSandboxSmsAdapter(setup);
    await expect(adapter.send(sms('+15005550429'), accounts.twilio)).rejects.toMatchObject({ httpStatus: 429, retryAfterMs: 1000 });
    await expect(adapter.send(sms('+15005550500'), accounts.twilio)).rejects.toBeInstanceOf(TransientProviderError);
    await expect(adapter.send(sms('+14155550100', { from: '+15005550008' }), accounts.twilio)).rejects.toMatchObject({ providerCode: '21611' });
    await expect(adapter.send(sms('+14155550100', { from: '+15005550001' }), accounts.twilio)).rejects.toMatchObject({ reason: PermanentFailureReason.InvalidSender });
  });

  it('reports carrier failures after acceptance, as Twilio does', async () => {
    const { setup, scheduler, sink } = sandbox();
    const adapter = createSandboxSmsAdapter(setup);
    await adapter.send(sms('+15005550010'), accounts.twilio);
    await scheduler.runAll();
    const last = adapter.parseEvent(asRaw(sink.delivered.at(-1)?.request as SignedWebhookRequest))[0];
    expect(last).toMatchObject({ status: 'undelivered', error: { code: '30003', retryable: true } });
  });

  it('sends a STOP reply through a messaging service with Advanced Opt-Out, signed for the inbound URL', async () => {
    const { setup, scheduler, sink } = sandbox();
    const adapter = createSandboxSmsAdapter(setup);
    const serviceSid = `MG${'c3'.repeat(16)}`;
    await adapter.send(sms('+15005550021', { messagingServiceSid: serviceSid }), { ...accounts.twilio, messagingServiceSid: serviceSid });
    await scheduler.runAll();
    const inbound = sink.delivered.find((d) => d.request.url === webhookUrls.twilioInbound)?.request as SignedWebhookRequest;
    expect(adapter.verifySignature(asRaw(inbound), accounts.twilio)).toEqual({ valid: true });
    expect(adapter.parseEvent(asRaw(inbound))[0]).toMatchObject({ status: null, optedOut: true, recipient: '+15005550021', replyText: 'STOP' });
  });

  it('posts nothing without a status callback and does not retry a callback our endpoint refused', async () => {
    const { setup, scheduler, sink } = sandbox();
    const adapter = createSandboxSmsAdapter(setup);
    await adapter.send(sms('+14155550100', { statusCallbackUrl: undefined }), accounts.twilio);
    await scheduler.runAll();
    expect(sink.delivered).toHaveLength(0);
    sink.failNext = 1;
    await adapter.send(sms('+14155550100'), accounts.twilio);
    await scheduler.runAll();
    expect(sink.delivered.map((d) => new URLSearchParams(d.request.rawBody).get('MessageStatus'))).toEqual(['delivered']);
  });

  it('refuses other credentials like Twilio would', async () => {
    const { setup } = sandbox();
    await expect(createSandboxSmsAdapter(setup).send(sms('+14155550100'), { ...accounts.twilio, authToken: 'x'.repeat(32) })).rejects.toMatchObject({
      reason: PermanentFailureReason.Authentication,
    });
  });
});

describe('sandbox email (real SendGrid adapter, simulated SendGrid)', () => {
  const email = (to: string, executionId = `exec-${to}`) => ({
    channel: 'email' as const,
    executionId,
    idempotencyKey: executionId,
    to: { email: to },
    from: { email: 'bo@agent.test' },
    subject: 'Elm St',
    html: '<p>Hi</p>',
    text: 'Hi',
    categories: ['campaign'],
  });

  it('delivers an ordinary address and posts signed, verifiable events carrying the execution id', async () => {
    const { setup, scheduler, sink } = sandbox();
    const adapter = createSandboxEmailAdapter(setup);
    const result = await adapter.send(email('ana@example.com'), accounts.sendgrid);
    expect(result.providerMessageId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    await scheduler.runAll();
    expect(sink.delivered.every((d) => d.provider === 'sendgrid' && d.request.url === webhookUrls.sendgridEvents)).toBe(true);
    const events = sink.delivered.flatMap(({ request }) => {
      expect(adapter.verifySignature(asRaw(request), accounts.sendgrid)).toEqual({ valid: true });
      return adapter.parseEvent(asRaw(request));
    });
    expect(events.map((e) => [e.status, e.executionId, e.providerMessageId])).toEqual([
      ['queued', 'exec-ana@example.com', result.providerMessageId],
      ['delivered', 'exec-ana@example.com', result.providerMessageId],
    ]);
  });

  it('plays each test address’s story, batching the events of one request per step', async () => {
    const { setup, scheduler, sink } = sandbox();
    const adapter = createSandboxEmailAdapter(setup);
    const recipients = ['click@simulator.cadence.test', 'bounce@simulator.cadence.test', 'dropped@simulator.cadence.test', 'unsubscribe+a1@simulator.cadence.test'].map((address) => ({
      executionId: address,
      idempotencyKey: address,
      to: { email: address },
      data: {},
    }));
    const outcomes = await adapter.sendBatch({ channel: 'email', from: { email: 'bo@agent.test' }, subject: 'Hi', html: '<p>Hi</p>', text: 'Hi', recipients }, accounts.sendgrid);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    await scheduler.runAll();
    expect(sink.delivered.map((d) => (JSON.parse(d.request.rawBody) as unknown[]).length)).toEqual([4, 3, 2, 2]);
    const byExecution = new Map<string, (string | null)[]>();
    for (const { request } of sink.delivered) {
      for (const event of adapter.parseEvent(asRaw(request))) byExecution.set(event.executionId as string, [...(byExecution.get(event.executionId as string) ?? []), event.optedOut ? 'opted-out' : event.status]);
    }
    expect(Object.fromEntries(byExecution)).toEqual({
      'click@simulator.cadence.test': ['queued', 'delivered', 'opened', 'clicked'],
      'bounce@simulator.cadence.test': ['queued', 'bounced'],
      'dropped@simulator.cadence.test': ['opted-out'],
      'unsubscribe+a1@simulator.cadence.test': ['queued', 'delivered', 'opened', 'opted-out'],
    });
  });

  it('refuses unknown domains per recipient, and throttles or fails on the test addresses', async () => {
    const { setup } = sandbox();
    const adapter = createSandboxEmailAdapter(setup);
    const outcomes = await adapter.sendBatch(
      {
        channel: 'email',
        from: { email: 'bo@agent.test' },
        subject: 'Hi',
        html: '',
        text: 'Hi',
        recipients: ['a@example.com', 'ghost@nowhere.invalid'].map((address) => ({ executionId: address, idempotencyKey: address, to: { email: address }, data: {} })),
      },
      accounts.sendgrid,
    );
    expect(outcomes.map((o) => o.ok)).toEqual([true, false]);
    await expect(adapter.send(email('ratelimit@simulator.cadence.test'), accounts.sendgrid)).rejects.toMatchObject({ httpStatus: 429, retryAfterMs: 1000 });
    await expect(adapter.send(email('error@simulator.cadence.test'), accounts.sendgrid)).rejects.toBeInstanceOf(TransientProviderError);
    await expect(adapter.send(email('ana@example.com'), { ...accounts.sendgrid, apiKey: 'SG.other' })).rejects.toMatchObject({ reason: PermanentFailureReason.Authentication });
  });

  it('retries an event post our endpoint refused, like SendGrid', async () => {
    const { setup, scheduler, sink } = sandbox();
    const adapter = createSandboxEmailAdapter(setup);
    sink.failNext = 2;
    await adapter.send(email('ana@example.com'), accounts.sendgrid);
    await scheduler.runAll();
    expect(sink.delivered.flatMap(({ request }) => adapter.parseEvent(asRaw(request)).map((e) => e.status)).sort()).toEqual(['delivered', 'queued']);
    for (const { request } of sink.delivered) expect(adapter.verifySignature({ ...asRaw(request), receivedAt: setup.clock.now() }, accounts.sendgrid).valid).toBe(true);
  });

  it('derives the same signing key from the same seed in every process, and another from another seed', () => {
    expect(sandboxAccounts('test-seed-0001').sendgrid.webhookPublicKey).toBe(accounts.sendgrid.webhookPublicKey);
    expect(sandboxAccounts('test-seed-0002').sendgrid.webhookPublicKey).not.toBe(accounts.sendgrid.webhookPublicKey);
    expect(sandboxAccounts('test-seed-0001').twilio).toEqual(accounts.twilio);
  });
});

describe('sandbox voicemail (real Drop Cowboy adapter, simulated Drop Cowboy)', () => {
  const drop = (to: string, extra: Record<string, unknown> = {}) => ({
    channel: 'voicemail' as const,
    executionId: `exec-${to}`,
    idempotencyKey: `key-${to}`,
    to,
    audio: { kind: 'tts' as const, voiceId: 'voice_1', ttsBody: 'x'.repeat(300) },
    callbackUrl: webhookUrls.dropcowboy,
    ...extra,
  });

  it('drops, then calls back with foreign_id and the charge, and posts signed status and receipt webhooks', async () => {
    const { setup, scheduler, sink } = sandbox();
    const adapter = createSandboxVoicemailAdapter(setup);
    const result = await adapter.send(drop('+15550010001'), accounts.dropcowboy);
    expect(result.providerMessageId).toMatch(/^[0-9a-f-]{36}$/);
    await scheduler.runAll();

    expect(sink.delivered).toHaveLength(3);
    for (const { request } of sink.delivered) expect(adapter.verifySignature(asRaw(request), accounts.dropcowboy)).toEqual({ valid: true });
    const [callback, status, receipt] = sink.delivered.map(({ request }) => adapter.parseEvent(asRaw(request))[0]);
    expect(callback).toMatchObject({ executionId: 'exec-+15550010001', status: 'delivered', recipient: '+15550010001' });
    expect(callback?.cost?.totalMicros).toBe(40_000 + 5_000 + 300 * 10);
    expect(callback?.cost?.totalMicros).toBe(adapter.estimateCost(drop('+15550010001')).totalMicros);
    expect(status).toMatchObject({ status: 'delivered', recipient: '+15550010001' });
    expect(receipt).toMatchObject({ status: null });
  });

  it.each([
    ['+15550010090', 'failed', '4016', true, false],
    ['+15550010004', 'undelivered', '4005', false, true],
    ['+15550010002', 'undelivered', '4000', false, true],
    ['+15550010098', 'failed', '6005', true, false],
  ])('reports the simulated number %s as %s (%s)', async (to, status, code, optedOut, retryable) => {
    const { setup, scheduler, sink } = sandbox();
    const adapter = createSandboxVoicemailAdapter(setup);
    await adapter.send(drop(to), accounts.dropcowboy);
    await scheduler.runAll();
    const [callback] = adapter.parseEvent(asRaw(sink.delivered[0]?.request as SignedWebhookRequest));
    expect(callback).toMatchObject({ status, optedOut, error: { code, retryable } });
    expect(callback?.cost?.totalMicros).toBe(0);
    expect(sink.delivered).toHaveLength(2);
  });

  it('drops once for a retried key, and refuses the key with another body', async () => {
    const { setup, scheduler, sink } = sandbox();
    const adapter = createSandboxVoicemailAdapter(setup);
    const first = await adapter.send(drop('+14155550100'), accounts.dropcowboy);
    const again = await adapter.send(drop('+14155550100'), accounts.dropcowboy);
    expect(again.providerMessageId).toBe(first.providerMessageId);
    await expect(adapter.send(drop('+14155550100', { to: '+14155550101' }), accounts.dropcowboy)).rejects.toMatchObject({ providerCode: '3027' });
    await scheduler.runAll();
    expect(sink.delivered.filter((d) => !d.request.headers['X-Signature'])).toHaveLength(1);
  });

  it('answers the throttling and outage numbers with transient errors', async () => {
    const { setup } = sandbox();
    const adapter = createSandboxVoicemailAdapter(setup);
    await expect(adapter.send(drop('+15550019429'), accounts.dropcowboy)).rejects.toMatchObject({ httpStatus: 429, retryAfterMs: 1000 });
    await expect(adapter.send(drop('+15550019500'), accounts.dropcowboy)).rejects.toBeInstanceOf(TransientProviderError);
  });

  it('accepts drops with wrong credentials and fails them later with 3007, like Drop Cowboy', async () => {
    const { setup, scheduler, sink } = sandbox();
    const adapter = createSandboxVoicemailAdapter(setup);
    await adapter.send(drop('+14155550100'), { ...accounts.dropcowboy, apiSecret: 'wrong' });
    await scheduler.runAll();
    const status = sink.delivered.find((d) => d.request.headers['X-Signature']);
    expect(adapter.parseEvent(asRaw(status?.request as SignedWebhookRequest))[0]).toMatchObject({ status: 'failed', error: { code: '3007' } });
  });

  it('uploads audio through the signed-URL flow, and drops with it; an unknown media id fails with 3001', async () => {
    const { setup, scheduler, sink } = sandbox();
    const adapter = createSandboxVoicemailAdapter(setup);
    const { mediaId } = await adapter.uploadMedia({ name: 'ana.mp3', format: 'mp3', bytes: Buffer.from('ID3') }, accounts.dropcowboy);
    await adapter.send(drop('+14155550100', { audio: { kind: 'media', mediaId } }), accounts.dropcowboy);
    await adapter.send(drop('+14155550102', { audio: { kind: 'media', mediaId: 'media_unknown' } }), accounts.dropcowboy);
    const imported = await adapter.importMedia({ name: 'bo.wav', format: 'wav', url: 'https://api.cadence.test/api/media/k' }, accounts.dropcowboy);
    expect(imported.mediaId).toMatch(/^media_/);
    await scheduler.runAll();
    const callbacks = sink.delivered.filter((d) => !d.request.headers['X-Signature']).map((d) => adapter.parseEvent(asRaw(d.request))[0]);
    expect(callbacks.map((c) => [c?.executionId, c?.status, c?.error?.code])).toEqual([
      ['exec-+14155550100', 'delivered', undefined],
      ['exec-+14155550102', 'failed', '3001'],
    ]);
  });

  it('retries a refused webhook up to three attempts in all, numbering them', async () => {
    const { setup, scheduler, sink } = sandbox();
    const adapter = createSandboxVoicemailAdapter(setup);
    sink.failNext = 2;
    await adapter.send(drop('+15550010004', { callbackUrl: undefined }), accounts.dropcowboy);
    await scheduler.runAll();
    // The status webhook failed twice then got through on attempt 3; the callback-less drop sent nothing else.
    expect(sink.delivered.map((d) => d.request.headers['X-Attempt'])).toEqual(['3']);
    sink.failNext = 3;
    await adapter.send(drop('+15550010005', { callbackUrl: undefined }), accounts.dropcowboy);
    await scheduler.runAll();
    expect(sink.delivered).toHaveLength(1);
  });
});
