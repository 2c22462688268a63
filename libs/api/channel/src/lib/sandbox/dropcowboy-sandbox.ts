import { randomBytes, randomUUID } from 'node:crypto';
import type { AxiosAdapter, AxiosResponse, InternalAxiosRequestConfig } from 'axios';
import { MAX_TTS_CHARACTERS } from '../dropcowboy/dropcowboy.adapter';
import { DROPCOWBOY_REASON_CODES } from '../dropcowboy/dropcowboy-codes';
import { DROPCOWBOY_SIGNATURE_HEADER, DROPCOWBOY_TIMESTAMP_HEADER, signDropCowboyWebhook } from '../dropcowboy/dropcowboy-webhook';
import { respond, SandboxProviderOptions, SimulatedRequest, simulatedRequest } from './sandbox-http';

/** Drop Cowboy's documented simulated RVM numbers (providers.md §1.2) and their reason codes. */
export const DROPCOWBOY_SANDBOX_NUMBERS: Readonly<Record<string, number>> = {
  '+15550010001': 0,
  '+15550010002': 4000,
  '+15550010004': 4005,
  '+15550010005': 4006,
  '+15550010006': 4004,
  '+15550010090': 4016,
  '+15550010091': 4017,
  '+15550010092': 4019,
  '+15550010093': 4021,
  '+15550010094': 6000,
  '+15550010095': 6002,
  '+15550010097': 4013,
  '+15550010098': 6005,
  '+15550010099': 6011,
};

/** Ours: numbers the simulated API refuses with 429 (Retry-After 1) or 500. */
export const DROPCOWBOY_SANDBOX_THROTTLED = '+15550019429';
export const DROPCOWBOY_SANDBOX_BROKEN = '+15550019500';

const UPLOAD_HOST = 'https://uploads.sandbox.dropcowboy.test';
const CONTENT_TYPES = { mp3: 'audio/mpeg', wav: 'audio/wav' } as const;
/** Drop Cowboy keeps idempotency keys for 24 h. */
const KEY_TTL_MS = 24 * 3600 * 1000;

interface Drop {
  body: string;
  messageId: string;
  at: number;
}

/**
 * A simulated api-v2.dropcowboy.com behind the axios adapter: 202 for every drop with credentials (failures
 * come later, as with the real API), idempotency by key, media uploads, then the callback (itemised cost,
 * foreign_id) and the signed status webhook.
 */
export class DropCowboySandbox {
  readonly adapter: AxiosAdapter = (config) => this.handle(config);
  private readonly drops = new Map<string, Drop>();
  private readonly media = new Map<string, 'awaiting_upload' | 'uploaded' | 'ready'>();

  constructor(private readonly options: SandboxProviderOptions) {}

  private async handle(config: InternalAxiosRequestConfig): Promise<AxiosResponse> {
    await this.options.scheduler.sleep(this.options.latencyMs);
    const request = simulatedRequest(config);
    if (request.url.origin === UPLOAD_HOST) return this.upload(config, request);
    const account = this.options.accounts.dropcowboy;
    const key = request.header('x-key');
    const secret = request.header('x-secret');
    if (!key || !secret) return respond(config, 401, { error: { code: 401, message: 'Missing x-key / x-secret' } });
    const authentic = key === account.apiKey && secret === account.apiSecret;
    const body = typeof request.data === 'string' && request.data !== '' ? (JSON.parse(request.data) as Record<string, unknown>) : {};
    const path = request.url.pathname;
    if (request.method === 'POST' && path === '/rvm') return this.drop(config, request, body, authentic);
    // Routes other than sends refuse bad credentials at once.
    if (!authentic) return respond(config, 403, { error: { code: 403, message: 'Invalid API key' } });
    if (request.method === 'POST' && path === '/media/public/media') return this.createMedia(config, body);
    const complete = /^\/media\/public\/media\/([^/]+)\/complete$/.exec(path);
    if (request.method === 'POST' && complete) {
      const id = decodeURIComponent(complete[1] as string);
      if (this.media.get(id) !== 'uploaded') return respond(config, 409, { error: { code: 409, message: 'Upload not received' } });
      this.media.set(id, 'ready');
      return respond(config, 200, { data: { media_id: id, status: 'ready' }, meta: { request_id: randomUUID() } });
    }
    return respond(config, 404, { error: { code: 404, message: 'Not found' } });
  }

  private drop(config: InternalAxiosRequestConfig, request: SimulatedRequest, body: Record<string, unknown>, authentic: boolean): AxiosResponse {
    const key = request.header('Idempotency-Key');
    if (!key || !/^[\x21-\x7e]{1,255}$/.test(key)) return respond(config, 400, { status: 'error', reason_code: 3028, reason: 'Invalid Idempotency-Key' });
    const to = String(body['to'] ?? '');
    if (to === DROPCOWBOY_SANDBOX_THROTTLED) return respond(config, 429, { error: { code: 429, message: 'Too many requests' } }, { 'retry-after': '1' });
    if (to === DROPCOWBOY_SANDBOX_BROKEN) return respond(config, 500, { error: { code: 500, message: 'Internal error' } });
    const now = this.options.clock.now().getTime();
    for (const [k, d] of this.drops) if (now - d.at > KEY_TTL_MS) this.drops.delete(k);
    const raw = String(request.data);
    const previous = this.drops.get(key);
    if (previous && previous.body !== raw) return respond(config, 409, { status: 'error', reason_code: 3027, reason: 'Idempotency-Key already used with a different request' });
    // Same key and body: accepted again, nothing dropped twice, no second result.
    if (previous) return respond(config, 202, { status: 'queued', message_id: previous.messageId });
    const messageId = randomUUID();
    this.drops.set(key, { body: raw, messageId, at: now });
    this.scheduleResults(body, authentic ? this.reasonCodeFor(body) : 3007);
    return respond(config, 202, { status: 'queued', message_id: messageId });
  }

  private reasonCodeFor(body: Record<string, unknown>): number {
    const tts = typeof body['tts_body'] === 'string' ? body['tts_body'] : undefined;
    const voice = typeof body['voice_id'] === 'string' ? body['voice_id'] : undefined;
    const sources = [body['media_id'], tts ?? voice, body['audio_url']].filter((s) => s !== undefined).length;
    if (sources !== 1) return 3001;
    if (tts !== undefined && voice === undefined) return 3002;
    if (voice !== undefined && tts === undefined) return 3015;
    if (tts !== undefined && [...tts].length > MAX_TTS_CHARACTERS) return 3021;
    if (body['audio_url'] !== undefined) return 3014;
    if (body['media_id'] !== undefined && this.media.get(String(body['media_id'])) !== 'ready') return 3001;
    return DROPCOWBOY_SANDBOX_NUMBERS[String(body['to'])] ?? 0;
  }

  private scheduleResults(body: Record<string, unknown>, code: number): void {
    const { dispatcher, eventDelayMs: delay, accounts, webhookUrls, prices } = this.options;
    const outcome = DROPCOWBOY_REASON_CODES[code];
    const success = code === 0;
    const status = success ? 'success' : 'failure';
    const reason = success ? '' : (outcome?.description ?? '');
    const dropId = randomUUID();
    const to = String(body['to']);
    const tts = typeof body['tts_body'] === 'string' ? [...body['tts_body']].length : 0;
    const usd = (micros: number) => Math.round(micros) / 1_000_000;
    const proof = `https://sandbox.dropcowboy.test/proof/${dropId}.mp3`;
    const callbackUrl = typeof body['callback_url'] === 'string' ? body['callback_url'] : undefined;
    if (callbackUrl) {
      // Callbacks are unsigned and tried once; our URL carries the token that authenticates them.
      dispatcher.emit('dropcowboy', delay, () => ({
        url: callbackUrl,
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        rawBody: JSON.stringify({
          drop_id: dropId,
          team_id: 'sandbox-team',
          contact_id: `contact-${to}`,
          phone_number: to,
          product_code: 'rvm',
          status,
          reason,
          reason_code: code,
          quantity: 1,
          // Charged only when delivered: failed drops' charges are not documented.
          product_cost: success ? usd(prices.rvmMicros) : 0,
          compliance_fee: success ? usd(prices.rvmComplianceFeeMicros) : 0,
          tts_fee: success ? usd(tts * prices.ttsCharacterMicros) : 0,
          dnc: code === 4016,
          attempt_date: this.options.clock.now().toISOString(),
          foreign_id: body['foreign_id'],
          ...(success ? { proof_of_delivery_url: proof } : {}),
        }),
      }));
    }
    const secret = accounts.dropcowboy.webhookSigningSecrets[0] as string;
    const webhook = (event: string, data: Record<string, unknown>) => (attempt: number) => {
      const eventId = randomUUID();
      const rawBody = JSON.stringify({ event_id: eventId, event, event_at: this.options.clock.now().getTime(), data });
      const timestamp = String(Math.floor(this.options.clock.now().getTime() / 1000));
      return {
        url: webhookUrls.dropcowboy,
        method: 'POST' as const,
        headers: {
          'Content-Type': 'application/json',
          [DROPCOWBOY_SIGNATURE_HEADER]: signDropCowboyWebhook(secret, timestamp, rawBody),
          [DROPCOWBOY_TIMESTAMP_HEADER]: timestamp,
          'X-Signature-Version': 'v1',
          'X-Event-Id': eventId,
          'X-Attempt': String(attempt),
        },
        rawBody,
      };
    };
    const data = { team_id: 'sandbox-team', contact_id: `contact-${to}`, drop_id: dropId, campaign_id: null, campaign_type: 'api', status, reason, reason_code: code, to, from: '+15550000000' };
    dispatcher.emit('dropcowboy', delay, webhook('contact.rvm.status', data));
    if (code === 0 || code === 4001 || code === 4002) dispatcher.emit('dropcowboy', 2 * delay, webhook('contact.rvm.receipt', { ...data, proof_of_delivery_url: proof }));
  }

  private createMedia(config: InternalAxiosRequestConfig, body: Record<string, unknown>): AxiosResponse {
    if (body['type'] !== 'rvm' || typeof body['name'] !== 'string' || body['name'] === '') return respond(config, 400, { error: { code: 400, message: 'name and type "rvm" are required' } });
    const mediaId = `media_${randomBytes(8).toString('hex')}`;
    const meta = { request_id: randomUUID() };
    if (body['signed_upload'] === true) {
      this.media.set(mediaId, 'awaiting_upload');
      const signature = randomBytes(12).toString('hex');
      const upload = Object.fromEntries(
        Object.entries(CONTENT_TYPES).map(([ext, contentType]) => [ext, { url: `${UPLOAD_HOST}/${mediaId}.${ext}?signature=${signature}`, content_type: contentType }]),
      );
      return respond(config, 201, { data: { media_id: mediaId, upload }, meta });
    }
    if (typeof body['url'] !== 'string' || (body['ext'] !== '.mp3' && body['ext'] !== '.wav')) return respond(config, 400, { error: { code: 400, message: 'url and ext (.mp3 | .wav) are required' } });
    this.media.set(mediaId, 'ready');
    return respond(config, 201, { data: { media_id: mediaId }, meta });
  }

  /** The signed URL: exactly the content type it was signed for, and no Drop Cowboy headers. */
  private upload(config: InternalAxiosRequestConfig, request: SimulatedRequest): AxiosResponse {
    const match = /^\/(media_[0-9a-f]+)\.(mp3|wav)$/.exec(request.url.pathname);
    const mediaId = match?.[1];
    const ext = match?.[2] as keyof typeof CONTENT_TYPES | undefined;
    const acceptable =
      request.method === 'PUT' && mediaId && ext && this.media.get(mediaId) === 'awaiting_upload' && request.header('Content-Type') === CONTENT_TYPES[ext] && !request.header('x-key') && !request.header('x-secret');
    if (!acceptable || !mediaId) return respond(config, 403, '<Error><Code>SignatureDoesNotMatch</Code></Error>');
    this.media.set(mediaId, 'uploaded');
    return respond(config, 200, '');
  }
}
