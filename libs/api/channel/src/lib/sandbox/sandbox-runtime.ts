import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import axios from 'axios';
import { ChannelConfig } from '../config/channel.config';
import type { ProviderName } from '../port/channel.port';

/** A webhook as the provider would send it: absolute URL, headers (signature included) and raw body. */
export interface SignedWebhookRequest {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  rawBody: string;
}

/**
 * Where sandbox providers deliver their webhooks: an HTTP POST to our own endpoint, or straight into the
 * webhook use case. Throwing means "not accepted", and the provider's own retry rules apply.
 */
export interface SandboxEventSink {
  deliver(provider: ProviderName, request: SignedWebhookRequest): Promise<void>;
}

/** Time as the sandbox providers experience it, so tests can run them instantly. */
export interface SandboxScheduler {
  /** The provider's response time. */
  sleep(ms: number): Promise<void>;
  /** Runs `task` after `delayMs`, detached from the caller. */
  schedule(delayMs: number, task: () => Promise<void>): void;
}

@Injectable()
export class TimerSandboxScheduler implements SandboxScheduler, OnModuleDestroy {
  private readonly timers = new Set<NodeJS.Timeout>();

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  schedule(delayMs: number, task: () => Promise<void>): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void task();
    }, delayMs);
    this.timers.add(timer);
  }

  /** Events still pending at shutdown are dropped, as a provider's would be if we were down. */
  onModuleDestroy(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}

/**
 * Virtual time for tests: `sleep` returns at once; scheduled tasks wait until `advance`/`runAll`, which run
 * them in due order (tasks they schedule included) and move `now` along.
 */
export class ManualSandboxScheduler implements SandboxScheduler {
  private queue: { due: number; seq: number; task: () => Promise<void> }[] = [];
  private seq = 0;
  private elapsed = 0;

  constructor(private readonly onAdvance?: (elapsedMs: number) => void) {}

  get pending(): number {
    return this.queue.length;
  }

  async sleep(): Promise<void> {
    return;
  }

  schedule(delayMs: number, task: () => Promise<void>): void {
    this.queue.push({ due: this.elapsed + delayMs, seq: this.seq++, task });
  }

  /** Runs everything due within the next `ms` of virtual time. */
  async advance(ms: number): Promise<void> {
    const until = this.elapsed + ms;
    for (;;) {
      this.queue.sort((a, b) => a.due - b.due || a.seq - b.seq);
      const next = this.queue[0];
      if (!next || next.due > until) break;
      this.queue.shift();
      this.moveTo(next.due);
      await next.task();
    }
    this.moveTo(until);
  }

  async runAll(): Promise<void> {
    while (this.queue.length > 0) {
      const last = Math.max(...this.queue.map((q) => q.due));
      await this.advance(last - this.elapsed);
    }
  }

  private moveTo(elapsed: number): void {
    if (elapsed === this.elapsed) return;
    this.elapsed = elapsed;
    this.onAdvance?.(elapsed);
  }
}

/**
 * Our API could not be reached at all (no answer, or a proxy's 502/503/504 while it restarts), as opposed
 * to an answer refusing the webhook. The dispatcher keeps trying these longer than a refusal.
 */
export class SandboxWebhookUnreachableError extends Error {}

const PROXY_UNAVAILABLE = new Set([502, 503, 504]);

/**
 * Posts the webhook to the URL it was signed for, as the provider would: same headers, same raw body
 * (Twilio's signature covers the URL and the form fields, SendGrid's and Drop Cowboy's the body bytes).
 * A non-2xx answer counts as refused.
 */
@Injectable()
export class HttpSandboxEventSink implements SandboxEventSink {
  private readonly target: string | null;

  constructor(config: ChannelConfig) {
    this.target = config.CHANNEL_SANDBOX_WEBHOOK_TARGET_URL ?? null;
  }

  async deliver(_provider: ProviderName, request: SignedWebhookRequest): Promise<void> {
    const signed = new URL(request.url);
    // The API rebuilds the signed URL from PUBLIC_BASE_URL, so only where the bytes go changes.
    const url = this.target ? new URL(`${signed.pathname}${signed.search}`, this.target).toString() : request.url;
    try {
      await axios.post(url, request.rawBody, {
        headers: request.headers,
        // Providers give up after 5–10 s; so does the sandbox.
        timeout: 10_000,
        transformRequest: [(data: unknown) => data],
        // A redirect would re-post to a URL the signature does not cover.
        maxRedirects: 0,
      });
    } catch (error) {
      if (!axios.isAxiosError(error)) throw error;
      const status = error.response?.status;
      if (status === undefined || PROXY_UNAVAILABLE.has(status)) throw new SandboxWebhookUnreachableError(`${url} unreachable: ${status ?? error.code ?? error.message}`);
      throw new Error(`${url} answered ${status}`);
    }
  }
}

/** How often each provider tries a webhook our API refused (providers.md: Twilio once, Drop Cowboy 3 times, SendGrid for 24 h). */
const ATTEMPTS: Record<ProviderName, number> = { twilio: 1, dropcowboy: 3, sendgrid: 6 };

/**
 * Attempts while our API cannot be reached, for every provider. More than a provider gives a refusal,
 * because the sandbox lives in our own worker: it often starts before the API, outlives an API restart,
 * and an event lost then is a send that never shows as delivered. Real providers retry such failures
 * too (Twilio's only retries are connection-level). Retried here rather than in a Bull job because each
 * attempt is signed afresh, so SendGrid's and Drop Cowboy's timestamp checks still pass minutes later;
 * about 4 minutes in all (1 s doubling, at most 1 min apart), then the event is dropped with a warning.
 */
export const SANDBOX_UNREACHABLE_ATTEMPTS = 10;
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 60_000;

/** Schedules a provider's webhook; it is signed when sent, so its timestamp is fresh like a real one. */
export class SandboxEventDispatcher {
  private readonly logger = new Logger('SandboxProviders');

  constructor(
    private readonly sink: SandboxEventSink,
    private readonly scheduler: SandboxScheduler,
  ) {}

  emit(provider: ProviderName, delayMs: number, build: (attempt: number) => SignedWebhookRequest, attempt = 1): void {
    this.scheduler.schedule(delayMs, async () => {
      const request = build(attempt);
      try {
        await this.sink.deliver(provider, request);
      } catch (error) {
        const unreachable = error instanceof SandboxWebhookUnreachableError;
        const retry = attempt < (unreachable ? SANDBOX_UNREACHABLE_ATTEMPTS : ATTEMPTS[provider]);
        const line = `${provider} sandbox webhook to ${request.url} failed (attempt ${attempt}${retry ? ', will retry' : ', dropped'}): ${(error as Error).message}`;
        // While the API is down every pending event fails each round: the first and the last failure say enough.
        if (!unreachable || attempt === 1 || !retry) this.logger.warn(line);
        else this.logger.debug(line);
        if (retry) this.emit(provider, Math.min(RETRY_FIRST_MS * 2 ** (attempt - 1), RETRY_MAX_MS), build, attempt + 1);
      }
    });
  }
}
