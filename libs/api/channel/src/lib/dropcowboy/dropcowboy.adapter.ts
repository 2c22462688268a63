import axios, { AxiosAdapter, AxiosInstance, AxiosResponse, isAxiosError } from 'axios';
import type { Clock } from '@cadence/api-core';
import { PermanentFailureReason, PermanentProviderError, TransientProviderError } from '../channel.exception';
import type {
  DeliveryEvent,
  DropCowboyCredentials,
  MediaImport,
  MediaUpload,
  RawWebhookRequest,
  SendResult,
  SignatureVerdict,
  VoicemailChannelPort,
  VoicemailMessage,
} from '../port/channel.port';
import { httpStatusError, networkError } from '../port/provider-http';
import { stringField, withQuery } from '../port/webhook-request';
import { ChannelPrices, CostEstimate, estimateVoicemailCost } from '../rules/cost-estimator';
import { permanentReasonOf } from './dropcowboy-codes';
import { callbackToken, DROPCOWBOY_CALLBACK_TOKEN_QUERY, parseDropCowboyEvent, verifyDropCowboyRequest } from './dropcowboy-webhook';

export interface DropCowboyAdapterOptions {
  prices: ChannelPrices;
  clock: Clock;
  timeoutMs: number;
  apiBaseUrl: string;
  /** Replaces the HTTP transport (the sandbox's simulated Drop Cowboy). */
  httpAdapter?: AxiosAdapter;
}

const E164 = /^\+[1-9]\d{6,14}$/;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
export const MAX_TTS_CHARACTERS = 1200;
const MAX_FOREIGN_ID = 256;

function invalid(message: string, reason = PermanentFailureReason.InvalidMessage): PermanentProviderError {
  return new PermanentProviderError(message, { provider: 'dropcowboy', reason });
}

/** Drop Cowboy accepts (202) almost anything and fails it later; refusing it here keeps the failure synchronous. */
export function assertSendableVoicemail(message: VoicemailMessage): void {
  if (!E164.test(message.to)) throw invalid(`"${message.to}" is not an E.164 number`, PermanentFailureReason.InvalidRecipient);
  if (!IDEMPOTENCY_KEY.test(message.idempotencyKey)) throw invalid('The idempotency key must be 1–255 printable ASCII characters without spaces');
  if (message.executionId.length === 0 || message.executionId.length > MAX_FOREIGN_ID) throw invalid(`The execution id must be 1–${MAX_FOREIGN_ID} characters (foreign_id)`);
  const { audio } = message;
  if (audio.kind === 'tts') {
    if (audio.voiceId.trim() === '' || audio.ttsBody.trim() === '') throw invalid('Text-to-speech needs both voice_id and tts_body');
    if ([...audio.ttsBody].length > MAX_TTS_CHARACTERS) throw invalid(`tts_body is longer than ${MAX_TTS_CHARACTERS} characters`);
  }
  if (audio.kind === 'media' && audio.mediaId.trim() === '') throw invalid('media_id is empty');
  if (audio.kind === 'url' && !audio.audioUrl.startsWith('https://')) throw invalid('audio_url must be HTTPS');
}

/** The v2 `POST /rvm` body. foreign_id is always our execution id: callbacks echo it. */
export function rvmBody(message: VoicemailMessage, credentials: DropCowboyCredentials): Record<string, unknown> {
  const audio =
    message.audio.kind === 'media'
      ? { media_id: message.audio.mediaId }
      : message.audio.kind === 'tts'
        ? { tts_body: message.audio.ttsBody, voice_id: message.audio.voiceId }
        : { audio_url: message.audio.audioUrl };
  const phoneLineId = message.phoneLineId ?? credentials.phoneLineId;
  const brandId = message.brandId ?? credentials.brandId;
  return {
    to: message.to,
    ...audio,
    foreign_id: message.executionId,
    ...(message.callbackUrl ? { callback_url: withQuery(message.callbackUrl, { [DROPCOWBOY_CALLBACK_TOKEN_QUERY]: callbackToken(credentials.apiSecret, message.executionId) }) } : {}),
    ...(phoneLineId ? { phone_line_id: phoneLineId } : {}),
    ...(brandId ? { brand_id: brandId } : {}),
    ...(message.postalCode ? { postal_code: message.postalCode } : {}),
    ...(message.callerId ? { caller_id: message.callerId } : {}),
  };
}

/** Ringless voicemail through Drop Cowboy's v2 REST API (no official v2 SDK: plain HTTP). */
export class DropCowboyAdapter implements VoicemailChannelPort {
  readonly channel = 'voicemail' as const;
  readonly provider = 'dropcowboy' as const;
  /** Same Idempotency-Key + same body is answered 202 and not dropped again for 24 h. */
  readonly idempotentSends = true;
  private readonly http: AxiosInstance;

  constructor(private readonly options: DropCowboyAdapterOptions) {
    this.http = axios.create({ baseURL: options.apiBaseUrl, timeout: options.timeoutMs, validateStatus: () => true, maxBodyLength: Infinity, ...(options.httpAdapter ? { adapter: options.httpAdapter } : {}) });
  }

  async send(message: VoicemailMessage, credentials: DropCowboyCredentials): Promise<SendResult> {
    assertSendableVoicemail(message);
    const response = await this.call(() => this.http.post('/rvm', rvmBody(message, credentials), { headers: { ...authHeaders(credentials), 'Idempotency-Key': message.idempotencyKey } }));
    const messageId = stringField(response.data, 'message_id');
    if (!messageId) throw new TransientProviderError('Drop Cowboy accepted the drop without a message_id', { provider: 'dropcowboy', httpStatus: response.status, mayHaveBeenAccepted: true });
    return { provider: 'dropcowboy', providerMessageId: messageId, status: 'queued', cost: null, acceptedAt: this.options.clock.now(), raw: response.data };
  }

  /** Signed upload: create the media, PUT the bytes to the signed URL, then mark it complete (providers.md §1.2). */
  async uploadMedia(upload: MediaUpload, credentials: DropCowboyCredentials): Promise<{ mediaId: string }> {
    const created = await this.call(() => this.http.post('/media/public/media', { name: upload.name, type: 'rvm', signed_upload: true }, { headers: authHeaders(credentials) }));
    const data = (created.data as { data?: { media_id?: string; upload?: Record<string, { url?: string; content_type?: string }> } }).data;
    const target = data?.upload?.[upload.format];
    if (!data?.media_id || !target?.url || !target.content_type) throw new PermanentProviderError('Drop Cowboy returned no signed upload URL', { provider: 'dropcowboy', reason: PermanentFailureReason.Rejected, httpStatus: created.status });
    const url = target.url;
    const contentType = target.content_type;
    // The signed URL authenticates itself: no Drop Cowboy headers, and exactly the Content-Type it was signed for.
    await this.call(() => this.http.put(url, upload.bytes, { baseURL: undefined, headers: { 'Content-Type': contentType } }));
    await this.call(() => this.http.post(`/media/public/media/${encodeURIComponent(data.media_id as string)}/complete`, {}, { headers: authHeaders(credentials) }));
    return { mediaId: data.media_id };
  }

  async importMedia(source: MediaImport, credentials: DropCowboyCredentials): Promise<{ mediaId: string }> {
    const created = await this.call(() => this.http.post('/media/public/media', { name: source.name, type: 'rvm', url: source.url, ext: `.${source.format}` }, { headers: authHeaders(credentials) }));
    const mediaId = stringField((created.data as { data?: unknown }).data, 'media_id');
    if (!mediaId) throw new PermanentProviderError('Drop Cowboy returned no media_id', { provider: 'dropcowboy', reason: PermanentFailureReason.Rejected, httpStatus: created.status });
    return { mediaId };
  }

  estimateCost(message: VoicemailMessage): CostEstimate {
    return estimateVoicemailCost(message.audio, this.options.prices);
  }

  parseEvent(request: RawWebhookRequest): DeliveryEvent[] {
    return parseDropCowboyEvent(request, this.options.clock.now());
  }

  verifySignature(request: RawWebhookRequest, credentials: DropCowboyCredentials): SignatureVerdict {
    return verifyDropCowboyRequest(request, credentials, request.receivedAt ?? this.options.clock.now());
  }

  private async call(request: () => Promise<AxiosResponse>): Promise<AxiosResponse> {
    let response: AxiosResponse;
    try {
      response = await request();
    } catch (error) {
      throw isAxiosError(error) ? networkError('dropcowboy', error) : error;
    }
    if (response.status >= 200 && response.status < 300) return response;
    const code = errorCodeOf(response.data);
    const retryAfter = response.headers['retry-after'];
    throw httpStatusError('dropcowboy', response.status, {
      message: errorMessageOf(response.data) ?? `Drop Cowboy answered ${response.status}`,
      providerCode: code === undefined ? undefined : String(code),
      retryAfter: typeof retryAfter === 'string' ? retryAfter : undefined,
      now: this.options.clock.now(),
      reason: response.status === 401 || response.status === 403 ? PermanentFailureReason.Authentication : permanentReasonOf(code),
    });
  }
}

function authHeaders(credentials: DropCowboyCredentials): Record<string, string> {
  return { 'x-key': credentials.apiKey, 'x-secret': credentials.apiSecret };
}

/** Error bodies are not documented in one shape; the numeric code sits at the top or under `error`. */
function errorCodeOf(body: unknown): number | undefined {
  const nested = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['error'] : undefined;
  const raw = stringField(body, 'reason_code') ?? stringField(body, 'code') ?? stringField(nested, 'code');
  const code = Number(raw);
  return raw !== undefined && Number.isFinite(code) ? code : undefined;
}

function errorMessageOf(body: unknown): string | undefined {
  const nested = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['error'] : undefined;
  return stringField(body, 'reason') ?? stringField(body, 'message') ?? stringField(nested, 'message') ?? (typeof nested === 'string' ? nested : undefined);
}
