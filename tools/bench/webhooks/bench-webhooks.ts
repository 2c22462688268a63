/**
 * Webhook ingestion benchmark: signed SendGrid Event Webhook batches of 100 events and signed Twilio
 * status callbacks posted to the running API (verify → store once → enqueue → 2xx), several senders
 * at once as providers do. Measures events per second and the time to the 2xx (p50/p95).
 *
 *   npm run bench:webhooks   (builds the API, then runs this file)
 *
 * The API is the built artifact in its own process, as production runs it, so the senders here do
 * not share its event loop (they did in an earlier version, which measured the senders as much as
 * the API).
 *
 * MongoDB is MONGODB_URI when set, else the embedded server in its own process; Redis is REDIS_URL
 * when set, else a local redis-server. BENCH_SENDGRID_BATCHES, BENCH_TWILIO_CALLBACKS and
 * BENCH_CONCURRENCY change the load; BENCH_API_NODE_ARGS passes Node flags to the API (profiling). Prints figures and whether each target is met; asserts nothing.
 */
import { ChannelConfig, sandboxAccounts, signSendGridPayload, signTwilioRequest } from '@cadence/api-channel';
import { loadConfig, RedisConfig, resolveRedis } from '@cadence/api-core';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import { AddressInfo, createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { percentile, startEmbeddedMongoProcess, WORKSPACE } from '../shared/bench-support';

// Half of each goes to the flat-out run, half to the run paced at the target rate.
const SENDGRID_BATCHES = Number(process.env['BENCH_SENDGRID_BATCHES'] ?? 400);
const TWILIO_CALLBACKS = Number(process.env['BENCH_TWILIO_CALLBACKS'] ?? 12000);
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 8);
const TARGET_EVENTS_PER_SECOND = 1000;
const TARGET_P95_MS = 50;

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    });
  });
}

/** The built API (dist/apps/api/main.js) on its own port, database and queue prefix; resolves once healthy. */
async function startApi(env: Record<string, string>): Promise<{ origin: string; process: ChildProcess; stop(): Promise<void> }> {
  const port = await freePort();
  // BENCH_API_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=tmp/prof", profiles the API process itself.
  const nodeArgs = (process.env['BENCH_API_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, 'dist/apps/api/main.js'], {
    cwd: WORKSPACE,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', process.env['BENCH_DEBUG'] ? 'inherit' : 'ignore'],
  });
  const origin = `http://127.0.0.1:${port}`;
  const stop = () => new Promise<void>((done) => (child.exitCode !== null ? done() : (child.once('exit', () => done()), child.kill('SIGTERM'))));
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode} (BENCH_DEBUG=1 shows why)`);
    const healthy = await fetch(`${origin}/api/health`).then((r) => r.ok, () => false);
    if (healthy) return { origin, process: child, stop };
    if (tries > 240) throw new Error('the API did not become healthy in 60 s');
    await new Promise((r) => setTimeout(r, 250));
  }
}

interface Request {
  path: string;
  headers: Record<string, string>;
  body: string;
  events: number;
}

interface RunResult {
  seconds: number;
  latencies: number[];
  events: number;
}

// node:http with kept-alive sockets: the load generator shares the 2 cores with the API, so it should
// cost as little CPU as a request can (fetch costs several times more per request).
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

/** POSTs one request and resolves with its time to the 2xx (ms); anything else is an error. */
function post(origin: string, request: Request): Promise<number> {
  const url = new URL(request.path, origin);
  const sentAt = performance.now();
  return new Promise((done, fail) => {
    const outgoing = httpRequest(
      { host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method: 'POST', agent, headers: { ...request.headers, 'Content-Length': Buffer.byteLength(request.body) } },
      (response) => {
        response.resume();
        response.once('end', () => ((response.statusCode ?? 500) < 300 ? done(performance.now() - sentAt) : fail(new Error(`${request.path} answered ${response.statusCode}`))));
      },
    );
    outgoing.once('error', fail);
    outgoing.end(request.body);
  });
}

/** Closed loop: `concurrency` senders, each posting its next request when the last one is answered (the most the API takes). */
async function runFlatOut(origin: string, requests: Request[], concurrency: number): Promise<RunResult> {
  const latencies: number[] = [];
  let next = 0;
  let events = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const request = requests[next++];
        if (!request) return;
        latencies.push(await post(origin, request));
        events += request.events;
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, latencies, events };
}

/** Open loop: requests leave on a schedule of `eventsPerSecond` whether or not earlier ones were answered, as providers post. */
async function runPaced(origin: string, requests: Request[], eventsPerSecond: number): Promise<RunResult> {
  const latencies: number[] = [];
  const inFlight: Promise<void>[] = [];
  let events = 0;
  const started = performance.now();
  for (const request of requests) {
    const due = started + (events / eventsPerSecond) * 1000;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    events += request.events;
    inFlight.push(post(origin, request).then((ms) => void latencies.push(ms)));
  }
  await Promise.all(inFlight);
  return { seconds: (performance.now() - started) / 1000, latencies, events };
}

function describeRun(result: RunResult): string {
  return `${Math.round(result.events / result.seconds).toLocaleString('en-US')} events/s (${result.latencies.length.toLocaleString('en-US')} requests in ${result.seconds.toFixed(2)} s), time to 2xx p50 ${percentile(result.latencies, 50).toFixed(1)} ms, p95 ${percentile(result.latencies, 95).toFixed(1)} ms`;
}

/**
 * The target is read as "takes at least 1,000 events/s, and answers within 50 ms (p95) while 1,000
 * events/s arrive": the flat-out run gives the first, the paced run at the target rate the second
 * (a flat-out run's latency only says how long its own queue of senders is).
 */
function report(label: string, flatOut: RunResult, paced: RunResult): boolean {
  const rate = flatOut.events / flatOut.seconds;
  const pacedRate = paced.events / paced.seconds;
  const p95 = percentile(paced.latencies, 95);
  const ok = rate >= TARGET_EVENTS_PER_SECOND && pacedRate >= TARGET_EVENTS_PER_SECOND * 0.98 && p95 < TARGET_P95_MS;
  process.stdout.write(
    `${label}\n  flat out, ${CONCURRENCY} senders:        ${describeRun(flatOut)} (target ≥ ${TARGET_EVENTS_PER_SECOND} events/s)\n` +
      `  paced at ${TARGET_EVENTS_PER_SECOND.toLocaleString('en-US')} events/s:     ${describeRun(paced)} (target p95 < ${TARGET_P95_MS} ms)\n  ${ok ? 'MET' : 'NOT MET'}\n`,
  );
  return ok;
}

async function main(): Promise<void> {
  Object.assign(process.env, {
    JWT_SECRET: process.env['JWT_SECRET'] ?? randomBytes(32).toString('hex'),
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'silent',
  });
  const embedded = process.env['MONGODB_URI'] ? null : await startEmbeddedMongoProcess();
  const mongoUrl = new URL(process.env['MONGODB_URI'] ?? embedded?.uri ?? '');
  mongoUrl.pathname = `/bench_${randomBytes(4).toString('hex')}`;
  const redis = await resolveRedis(loadConfig(RedisConfig));
  const mongoLabel = embedded ? 'embedded MongoDB-compatible server (own process)' : 'MONGODB_URI';
  const api = await startApi({ MONGODB_URI: mongoUrl.toString(), REDIS_URL: redis.url, QUEUE_PREFIX: `bench-${randomBytes(4).toString('hex')}` });
  const origin = api.origin;
  // Signatures cover the public URL; the API checks against PUBLIC_BASE_URL when set, else the address it was called on.
  const publicBase = (process.env['PUBLIC_BASE_URL'] ?? origin).replace(/\/+$/, '');
  const accounts = sandboxAccounts(loadConfig(ChannelConfig).CHANNEL_SANDBOX_SECRET);
  const timestamp = String(Math.floor(Date.now() / 1000));

  const sendgrid: Request[] = Array.from({ length: SENDGRID_BATCHES }, (_, b) => {
    const events = Array.from({ length: 100 }, (_, i) => ({
      email: `owner${b * 100 + i}@example.com`,
      timestamp: Number(timestamp) - 5,
      event: ['processed', 'delivered', 'open', 'click'][i % 4],
      sg_event_id: `bench-${b}-${i}-${randomBytes(6).toString('base64url')}`,
      sg_message_id: `bench${b}.${i}.filter`,
      executionId: randomBytes(12).toString('hex'),
    }));
    const body = JSON.stringify(events);
    return {
      path: '/api/webhooks/sendgrid',
      headers: { 'Content-Type': 'application/json', 'X-Twilio-Email-Event-Webhook-Signature': signSendGridPayload(accounts.sendgridSigningKey, timestamp, body), 'X-Twilio-Email-Event-Webhook-Timestamp': timestamp },
      body,
      events: 100,
    };
  });
  const twilio: Request[] = Array.from({ length: TWILIO_CALLBACKS }, (_, i) => {
    const path = `/api/webhooks/twilio/status?executionId=${randomBytes(12).toString('hex')}`;
    const fields = { MessageSid: `SM${randomBytes(16).toString('hex')}`, MessageStatus: ['sent', 'delivered'][i % 2], To: '+14155550100', From: '+15005550006', AccountSid: accounts.twilio.accountSid, ApiVersion: '2010-04-01' };
    return {
      path,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': signTwilioRequest(accounts.twilio.authToken, `${publicBase}${path}`, fields) },
      body: new URLSearchParams(fields).toString(),
      events: 1,
    };
  });

  process.stdout.write(`\nWebhook ingestion benchmark — the built API in its own process , ${mongoLabel}, Redis ${redis.source}, ${CONCURRENCY} concurrent senders, Node ${process.version}\n`);
  // A short warm-up (JIT, connection pools, indexes) that is not measured.
  await runFlatOut(origin, sendgrid.slice(0, 5), 2);
  await runFlatOut(origin, twilio.slice(0, 50), 2);
  const sendgridSplit = 5 + Math.floor((sendgrid.length - 5) / 2);
  const twilioSplit = 50 + Math.floor((twilio.length - 50) / 2);
  const sendgridOk = report('SendGrid batches of 100 events', await runFlatOut(origin, sendgrid.slice(5, sendgridSplit), CONCURRENCY), await runPaced(origin, sendgrid.slice(sendgridSplit), TARGET_EVENTS_PER_SECOND));
  const twilioOk = report('Twilio status callbacks (one event each)', await runFlatOut(origin, twilio.slice(50, twilioSplit), CONCURRENCY), await runPaced(origin, twilio.slice(twilioSplit), TARGET_EVENTS_PER_SECOND));
  process.stdout.write(`Targets ${sendgridOk && twilioOk ? 'met' : 'NOT all met'}.\n`);

  await api.stop();
  await Promise.all([embedded?.stop(), redis.stop()]);
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    process.stderr.write(`bench failed: ${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
