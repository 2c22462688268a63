import { RequestClient } from 'twilio';
import type { RequestOptions } from 'twilio/lib/base/RequestClient';
import type Response from 'twilio/lib/http/response';

export type TwilioHttpResponse = { statusCode: number; body: unknown; headers: Record<string, unknown> };

/** What twilio-node needs from an HTTP client: the real one, or the sandbox's simulated Twilio. */
export interface TwilioHttpClient {
  request(opts: RequestOptions<unknown>): Promise<TwilioHttpResponse>;
}

/**
 * twilio-node's own HTTP client (form encoding, Basic auth, timeouts), pointed at another origin when one
 * is configured. twilio-node has no base-URL option, so the origin of each request URI is replaced here.
 */
export class TwilioTransport extends RequestClient {
  constructor(private readonly apiBaseUrl: string | undefined, timeoutMs: number) {
    super({ timeout: timeoutMs, autoRetry: false });
  }

  override request<TData>(opts: RequestOptions<TData>): Promise<Response<TData>> {
    return super.request<TData>({ ...opts, uri: this.rebase(opts.uri) });
  }

  private rebase(uri: string): string {
    if (!this.apiBaseUrl) return uri;
    const original = new URL(uri);
    const base = new URL(this.apiBaseUrl);
    return new URL(`${base.pathname.replace(/\/$/, '')}${original.pathname}${original.search}`, base.origin).toString();
  }
}

/** A view for one send that remembers its response, whose headers (Retry-After) the SDK's errors drop. */
export class CallRecorder {
  lastResponse?: TwilioHttpResponse;

  constructor(private readonly transport: TwilioHttpClient) {}

  async request(opts: RequestOptions<unknown>): Promise<TwilioHttpResponse> {
    const response = await this.transport.request(opts);
    this.lastResponse = response;
    return response;
  }

  /** The client option the SDK expects; it only ever calls `request`. */
  asHttpClient(): RequestClient {
    return this as unknown as RequestClient;
  }
}
