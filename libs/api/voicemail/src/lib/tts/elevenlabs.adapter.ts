import axios, { AxiosError, AxiosInstance } from 'axios';
import { ConcurrencyLimiter, retryAfterMs, sleep } from '../domain/limiter';
import { formatOf, Speech, SpeechRequest, TextToSpeech, TextToSpeechError, Voice } from './text-to-speech.port';

export interface ElevenLabsOptions {
  baseUrl: string;
  apiKey: string;
  modelId: string;
  outputFormat: string;
  concurrency: number;
  maxRetries: number;
  timeoutMs: number;
  baseDelayMs?: number;
}

interface ErrorBody {
  detail?: { status?: string; message?: string } | string;
}

/** ElevenLabs text-to-speech over plain HTTP (providers.md §4): `xi-api-key`, raw audio bytes back. */
export class ElevenLabsAdapter extends TextToSpeech {
  readonly name = 'elevenlabs';
  readonly modelId: string;
  readonly outputFormat: string;
  private readonly http: AxiosInstance;
  // ElevenLabs limits concurrent requests per plan: queue locally rather than collect 429s.
  private readonly limiter: ConcurrencyLimiter;

  constructor(private readonly options: ElevenLabsOptions) {
    super();
    formatOf(options.outputFormat);
    this.modelId = options.modelId;
    this.outputFormat = options.outputFormat;
    this.limiter = new ConcurrencyLimiter(options.concurrency);
    this.http = axios.create({ baseURL: options.baseUrl.replace(/\/+$/, ''), timeout: options.timeoutMs, headers: { 'xi-api-key': options.apiKey } });
  }

  async listVoices(): Promise<Voice[]> {
    const response = await this.retrying(() => this.http.get<{ voices?: { voice_id: string; name: string; category?: string; description?: string | null; preview_url?: string | null }[] }>('/v1/voices'));
    return (response.data.voices ?? []).map((v) => ({ voiceId: v.voice_id, name: v.name, category: v.category ?? null, description: v.description ?? null, previewUrl: v.preview_url ?? null }));
  }

  async synthesize(request: SpeechRequest): Promise<Speech> {
    const format = formatOf(this.outputFormat);
    const response = await this.limiter.run(() =>
      this.retrying(() =>
        this.http.post<ArrayBuffer>(
          `/v1/text-to-speech/${encodeURIComponent(request.voiceId)}`,
          { text: request.text, model_id: this.modelId, voice_settings: { stability: 0.5, similarity_boost: 0.75 } },
          { params: { output_format: this.outputFormat }, responseType: 'arraybuffer', headers: { 'Content-Type': 'application/json', Accept: format === 'mp3' ? 'audio/mpeg' : 'audio/wav' } },
        ),
      ),
    );
    const bytes = Buffer.from(response.data);
    if (bytes.length === 0) throw new TextToSpeechError('ElevenLabs returned no audio', true, response.status);
    return {
      bytes,
      format,
      contentType: format === 'mp3' ? 'audio/mpeg' : 'audio/wav',
      modelId: this.modelId,
      outputFormat: this.outputFormat,
      characters: [...request.text].length,
      providerRequestId: (response.headers['request-id'] as string | undefined) ?? (response.headers['history-item-id'] as string | undefined) ?? null,
      billable: true,
    };
  }

  private async retrying<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        const failure = this.classify(error);
        if (!failure.retryable || attempt >= this.options.maxRetries) throw failure;
        const backoff = (this.options.baseDelayMs ?? 1000) * 2 ** attempt;
        await sleep(failure.waitMs ?? backoff);
      }
    }
  }

  private classify(error: unknown): TextToSpeechError & { waitMs: number | null } {
    const e = error as AxiosError<ArrayBuffer | ErrorBody>;
    const status = e.response?.status;
    const body = parseBody(e.response?.data);
    const detail = typeof body?.detail === 'object' ? body.detail : { message: typeof body?.detail === 'string' ? body.detail : undefined };
    const providerStatus = detail.status;
    // too_many_concurrent_requests: another process shares the key; system_busy: back off exponentially.
    const retryable = status === undefined || status === 429 || status >= 500;
    const failure = new TextToSpeechError(`ElevenLabs ${status ?? 'unreachable'}${providerStatus ? ` ${providerStatus}` : ''}: ${detail.message ?? e.message}`, retryable, status, providerStatus) as TextToSpeechError & { waitMs: number | null };
    failure.waitMs = retryable && status === 429 ? retryAfterMs(e.response?.headers ?? {}) : null;
    return failure;
  }
}

function parseBody(data: ArrayBuffer | ErrorBody | undefined): ErrorBody | null {
  if (!data) return null;
  if (data instanceof ArrayBuffer || Buffer.isBuffer(data)) {
    try {
      return JSON.parse(Buffer.from(data as ArrayBuffer).toString('utf8')) as ErrorBody;
    } catch {
      return null;
    }
  }
  return data as ErrorBody;
}
