import { loadConfig } from '@cadence/api-core';
import { Logger } from '@nestjs/common';
import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ChannelConfig } from '../config/channel.config';
import type { ProviderName } from '../port/channel.port';
import {
  HttpSandboxEventSink,
  ManualSandboxScheduler,
  SANDBOX_UNREACHABLE_ATTEMPTS,
  SandboxEventDispatcher,
  SandboxEventSink,
  SandboxWebhookUnreachableError,
  SignedWebhookRequest,
  TimerSandboxScheduler,
} from './sandbox-runtime';

describe('sandbox schedulers', () => {
  it('runs timed tasks after their delay, and drops pending ones at shutdown', async () => {
    const scheduler = new TimerSandboxScheduler();
    const ran: string[] = [];
    scheduler.schedule(10, async () => void ran.push('soon'));
    scheduler.schedule(10_000, async () => void ran.push('late'));
    await scheduler.sleep(50);
    scheduler.onModuleDestroy();
    expect(ran).toEqual(['soon']);
  });

  it('runs virtual time in due order, including tasks scheduled by tasks, and reports the time', async () => {
    const seen: number[] = [];
    const scheduler = new ManualSandboxScheduler((elapsed) => seen.push(elapsed));
    const ran: string[] = [];
    scheduler.schedule(300, async () => void ran.push('c'));
    scheduler.schedule(100, async () => {
      ran.push('a');
      scheduler.schedule(100, async () => void ran.push('b'));
    });
    await scheduler.advance(150);
    expect(ran).toEqual(['a']);
    expect(scheduler.pending).toBe(2);
    await scheduler.runAll();
    expect(ran).toEqual(['a', 'b', 'c']);
    expect(seen).toEqual([100, 150, 200, 300]);
  });
});

/** A sink whose next answers are scripted: 'ok', 'refused' or 'unreachable'; then it accepts. */
class ScriptedSink implements SandboxEventSink {
  readonly tries: { provider: ProviderName; request: SignedWebhookRequest }[] = [];
  constructor(private readonly answers: ('ok' | 'refused' | 'unreachable')[]) {}

  async deliver(provider: ProviderName, request: SignedWebhookRequest): Promise<void> {
    this.tries.push({ provider, request });
    const answer = this.answers.shift() ?? 'ok';
    if (answer === 'refused') throw new Error('answered 401');
    if (answer === 'unreachable') throw new SandboxWebhookUnreachableError('connect ECONNREFUSED');
  }
}

describe('SandboxEventDispatcher', () => {
  let warnings: string[];
  beforeEach(() => {
    warnings = [];
    jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown) => void warnings.push(String(message)));
    jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  function dispatch(provider: ProviderName, answers: ('ok' | 'refused' | 'unreachable')[]) {
    let elapsed = 0;
    const scheduler = new ManualSandboxScheduler((ms) => (elapsed = ms));
    const sink = new ScriptedSink(answers);
    const signedAt: number[] = [];
    new SandboxEventDispatcher(sink, scheduler).emit(provider, 500, (attempt) => {
      signedAt.push(elapsed);
      return { url: 'https://cadence.test/api/webhooks/twilio/status', method: 'POST', headers: { 'x-attempt': String(attempt) }, rawBody: `at=${elapsed}` };
    });
    return { scheduler, sink, signedAt };
  }

  it('keeps trying while our API is unreachable, signing each attempt afresh, even for Twilio which never retries a refusal', async () => {
    const { scheduler, sink, signedAt } = dispatch('twilio', ['unreachable', 'unreachable', 'unreachable', 'ok']);
    await scheduler.runAll();
    expect(sink.tries).toHaveLength(4);
    // 1 s, doubling.
    expect(signedAt).toEqual([500, 1500, 3500, 7500]);
    expect(sink.tries.map((t) => t.request.rawBody)).toEqual(['at=500', 'at=1500', 'at=3500', 'at=7500']);
    expect(warnings).toHaveLength(1);
  });

  it('gives up on an unreachable API after a bounded number of attempts, about 4 minutes, and says so', async () => {
    const { scheduler, sink, signedAt } = dispatch('dropcowboy', Array(50).fill('unreachable'));
    await scheduler.runAll();
    expect(sink.tries).toHaveLength(SANDBOX_UNREACHABLE_ATTEMPTS);
    const spanMs = signedAt[signedAt.length - 1] - signedAt[0];
    expect(spanMs).toBeGreaterThan(3 * 60_000);
    expect(spanMs).toBeLessThan(5 * 60_000);
    expect(warnings[warnings.length - 1]).toMatch(/attempt 10, dropped/);
  });

  it("follows the provider's own rule for a webhook our API refused", async () => {
    const twilio = dispatch('twilio', ['refused']);
    await twilio.scheduler.runAll();
    expect(twilio.sink.tries).toHaveLength(1);
    const dropCowboy = dispatch('dropcowboy', ['refused', 'refused', 'refused', 'refused']);
    await dropCowboy.scheduler.runAll();
    expect(dropCowboy.sink.tries).toHaveLength(3);
  });
});

describe('HttpSandboxEventSink', () => {
  let server: Server;
  let base: string;
  let received: { url: string; headers: IncomingMessage['headers']; body: string }[];
  let status: number;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({ url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    received = [];
    status = 200;
  });

  const signed = (url: string): SignedWebhookRequest => ({ url, method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': 'sig' }, rawBody: 'MessageSid=SM1&MessageStatus=delivered' });
  const sink = (env: Record<string, string> = {}) => new HttpSandboxEventSink(loadConfig(ChannelConfig, env));

  it('posts the signed body and headers, byte for byte, to the URL they were signed for', async () => {
    await sink().deliver('twilio', signed(`${base}/api/webhooks/twilio/status?executionId=e1`));
    expect(received).toEqual([{ url: '/api/webhooks/twilio/status?executionId=e1', headers: expect.objectContaining({ 'x-twilio-signature': 'sig' }), body: 'MessageSid=SM1&MessageStatus=delivered' }]);
  });

  it('posts to CHANNEL_SANDBOX_WEBHOOK_TARGET_URL when set, keeping the signed path and query', async () => {
    await sink({ CHANNEL_SANDBOX_WEBHOOK_TARGET_URL: base }).deliver('twilio', signed('https://cadence.example.com/api/webhooks/twilio/status?executionId=e2'));
    expect(received.map((r) => r.url)).toEqual(['/api/webhooks/twilio/status?executionId=e2']);
  });

  it('tells a refusal from an API that cannot be reached', async () => {
    status = 401;
    await expect(sink().deliver('twilio', signed(`${base}/api/webhooks/twilio/status`))).rejects.not.toBeInstanceOf(SandboxWebhookUnreachableError);
    status = 503;
    await expect(sink().deliver('twilio', signed(`${base}/api/webhooks/twilio/status`))).rejects.toBeInstanceOf(SandboxWebhookUnreachableError);
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(sink().deliver('twilio', signed(`http://127.0.0.1:${port}/api/webhooks/twilio/status`))).rejects.toBeInstanceOf(SandboxWebhookUnreachableError);
  });
});
