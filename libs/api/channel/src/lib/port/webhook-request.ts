import { ChannelErrorCode, ChannelException } from '../channel.exception';
import type { RawWebhookRequest } from './channel.port';

/** A header by case-insensitive name; the first value when repeated. */
export function headerOf(request: RawWebhookRequest, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(request.headers)) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

export function bodyText(request: RawWebhookRequest): string {
  return typeof request.rawBody === 'string' ? request.rawBody : request.rawBody.toString('utf8');
}

/** Form fields; a repeated name becomes an array, as Twilio's signature algorithm expects. */
export function formFields(request: RawWebhookRequest): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(bodyText(request))) {
    const existing = fields[key];
    fields[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return fields;
}

export function jsonBody(request: RawWebhookRequest): unknown {
  try {
    return JSON.parse(bodyText(request));
  } catch {
    throw new ChannelException(ChannelErrorCode.MalformedEvent, 'Webhook body is not JSON');
  }
}

export function malformed(message: string): ChannelException {
  return new ChannelException(ChannelErrorCode.MalformedEvent, message);
}

/** A single string field of a parsed body, or undefined. */
export function stringField(source: unknown, key: string): string | undefined {
  if (typeof source !== 'object' || source === null) return undefined;
  const value = (source as Record<string, unknown>)[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}

export function withQuery(url: string, params: Record<string, string>): string {
  const parsed = new URL(url);
  for (const [key, value] of Object.entries(params)) parsed.searchParams.set(key, value);
  return parsed.toString();
}
