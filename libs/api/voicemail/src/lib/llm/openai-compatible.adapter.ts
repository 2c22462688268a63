import axios, { AxiosError, AxiosInstance } from 'axios';
import { ConcurrencyLimiter, retryAfterMs, sleep } from '../domain/limiter';
import { ScriptRequest, ScriptWriter, ScriptWriterError, WrittenScript } from './script-writer.port';

export interface OpenAiCompatibleOptions {
  baseUrl: string;
  apiKey: string;
  model: string;
  concurrency: number;
  maxRetries: number;
  timeoutMs: number;
  /** Backoff when the provider gives no retry-after; tests shorten it. */
  baseDelayMs?: number;
}

interface ChatCompletion {
  model?: string;
  choices?: { message?: { content?: string | null }; finish_reason?: string }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number };
}

const RETRYABLE = new Set([408, 409, 429, 498, 500, 502, 503, 504]);

/** Groq, OpenAI or any OpenAI-compatible `POST /chat/completions` (providers.md §5). */
export class OpenAiCompatibleScriptWriter extends ScriptWriter {
  readonly name: string;
  private readonly http: AxiosInstance;
  private readonly limiter: ConcurrencyLimiter;

  constructor(private readonly options: OpenAiCompatibleOptions) {
    super();
    this.name = options.model;
    this.limiter = new ConcurrencyLimiter(options.concurrency);
    this.http = axios.create({
      baseURL: options.baseUrl.replace(/\/+$/, ''),
      timeout: options.timeoutMs,
      headers: { Authorization: `Bearer ${options.apiKey}`, 'Content-Type': 'application/json' },
    });
  }

  write(request: ScriptRequest): Promise<WrittenScript> {
    return this.limiter.run(() => this.withRetries(request));
  }

  private async withRetries(request: ScriptRequest): Promise<WrittenScript> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.call(request);
      } catch (error) {
        const failure = this.classify(error);
        if (!failure.retryable || attempt >= this.options.maxRetries) throw failure.error;
        await sleep(failure.waitMs ?? (this.options.baseDelayMs ?? 1000) * 2 ** attempt);
      }
    }
  }

  private async call(request: ScriptRequest): Promise<WrittenScript> {
    const response = await this.http.post<ChatCompletion>('/chat/completions', {
      model: this.options.model,
      messages: [
        { role: 'system', content: request.system },
        { role: 'user', content: request.prompt },
      ],
      temperature: 0.7,
      max_tokens: 400,
    });
    const content = response.data.choices?.[0]?.message?.content;
    if (typeof content !== 'string' || content.trim() === '') throw new ScriptWriterError('The model returned no text', true, response.status);
    return {
      text: content,
      generatedBy: 'ai',
      model: response.data.model ?? this.options.model,
      promptTokens: response.data.usage?.prompt_tokens ?? 0,
      completionTokens: response.data.usage?.completion_tokens ?? 0,
      billable: true,
    };
  }

  private classify(error: unknown): { retryable: boolean; waitMs: number | null; error: Error } {
    if (error instanceof ScriptWriterError) return { retryable: error.retryable, waitMs: null, error };
    const e = error as AxiosError<{ error?: { message?: string } }>;
    const status = e.response?.status;
    const message = e.response?.data?.error?.message ?? e.message;
    if (status === undefined) return { retryable: true, waitMs: null, error: new ScriptWriterError(`LLM unreachable: ${message}`, true) };
    const retryable = RETRYABLE.has(status);
    return { retryable, waitMs: retryable ? retryAfterMs(e.response?.headers ?? {}) : null, error: new ScriptWriterError(`LLM answered ${status}: ${message}`, retryable, status) };
  }
}
