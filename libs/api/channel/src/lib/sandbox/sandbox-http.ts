import axios, { AxiosError, AxiosResponse, InternalAxiosRequestConfig } from 'axios';
import type { Clock } from '@cadence/api-core';
import type { ChannelWebhookUrls } from '../port/channel-webhook-urls';
import type { ChannelPrices } from '../rules/cost-estimator';
import type { SandboxAccounts } from './sandbox-credentials';
import type { SandboxEventDispatcher, SandboxScheduler } from './sandbox-runtime';

/** What every simulated provider needs. */
export interface SandboxProviderOptions {
  clock: Clock;
  scheduler: SandboxScheduler;
  dispatcher: SandboxEventDispatcher;
  accounts: SandboxAccounts;
  webhookUrls: ChannelWebhookUrls;
  prices: ChannelPrices;
  /** Response time of a request. */
  latencyMs: number;
  /** Gap between a send and each of its events. */
  eventDelayMs: number;
}

export interface SimulatedRequest {
  method: string;
  url: URL;
  header(name: string): string | undefined;
  /** The body as sent: a string for JSON, a Buffer for uploads. */
  data: unknown;
}

export function simulatedRequest(config: InternalAxiosRequestConfig): SimulatedRequest {
  return {
    method: (config.method ?? 'get').toUpperCase(),
    url: new URL(axios.getUri(config)),
    header: (name) => {
      const value = config.headers.get(name);
      return value === undefined || value === null ? undefined : String(value);
    },
    data: config.data,
  };
}

/** Answers the way axios's own HTTP adapter would, rejecting when the caller's validateStatus says so. */
export function respond(config: InternalAxiosRequestConfig, status: number, data: unknown, headers: Record<string, string> = {}): AxiosResponse {
  const response: AxiosResponse = { data, status, statusText: String(status), headers, config, request: {} };
  if (config.validateStatus && !config.validateStatus(status)) {
    throw new AxiosError(`Request failed with status code ${status}`, status >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST, config, {}, response);
  }
  return response;
}
