import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import axios from 'axios';
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

/** Posts the webhook to its URL over HTTP, as the provider would (a non-2xx answer counts as refused). */
@Injectable()
export class HttpSandboxEventSink implements SandboxEventSink {
  async deliver(_provider: ProviderName, request: SignedWebhookRequest): Promise<void> {
    await axios.post(request.url, request.rawBody, {
      headers: request.headers,
      // Providers give up after 5–10 s; so does the sandbox.
      timeout: 10_000,
      transformRequest: [(data: unknown) => data],
    });
  }
}

/** How often each provider tries a webhook (providers.md: Twilio once, Drop Cowboy 3 times, SendGrid for 24 h). */
const ATTEMPTS: Record<ProviderName, number> = { twilio: 1, dropcowboy: 3, sendgrid: 6 };

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
        const retry = attempt < ATTEMPTS[provider];
        this.logger.warn(`${provider} sandbox webhook to ${request.url} failed (attempt ${attempt}${retry ? ', will retry' : ', dropped'}): ${(error as Error).message}`);
        if (retry) this.emit(provider, Math.max(delayMs, 1000) * 2 ** attempt, build, attempt + 1);
      }
    });
  }
}
