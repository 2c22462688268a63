// Decorators below read type metadata at class definition, before Nest has loaded the polyfill.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';

/** Settings shared by every channel. Property names are the environment variable names. */
export class ChannelConfig {
  /** Milliseconds a provider call may take before it counts as a (transient) timeout. */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(120_000)
  CHANNEL_PROVIDER_TIMEOUT_MS = 15_000;

  /**
   * Seed of the sandbox providers' credentials and signing keys. The API (which verifies webhooks) and
   * the worker (whose sandbox signs them) derive the same keys from it, so both must see the same value.
   */
  @IsString()
  @MinLength(8)
  CHANNEL_SANDBOX_SECRET = 'cadence-sandbox-not-a-secret';

  /** How long a sandbox provider takes to answer a send, like a real API round trip. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60_000)
  CHANNEL_SANDBOX_LATENCY_MS = 150;

  /** Gap between a sandbox send and each of its status events (queued → sent → delivered…). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  CHANNEL_SANDBOX_EVENT_DELAY_MS = 1500;

  /**
   * Where the worker's sandbox providers post their webhooks when the API is not reachable from the worker
   * at PUBLIC_BASE_URL (docker-compose: http://api:3000). Only the origin changes: the signature still
   * covers the PUBLIC_BASE_URL address, which the API verifies against, like behind a reverse proxy.
   */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  CHANNEL_SANDBOX_WEBHOOK_TARGET_URL?: string;
}
