import type { DeliveryEvent } from '@cadence/api-channel';

/** The parsed event as stored (its raw payload is kept beside it); the date becomes an ISO string. */
export function serializeEvent(event: DeliveryEvent): Record<string, unknown> {
  const stored: Record<string, unknown> = { ...event, occurredAt: event.occurredAt.toISOString() };
  delete stored['raw'];
  return stored;
}

export function deserializeEvent(stored: Record<string, unknown>, raw: unknown): DeliveryEvent {
  return { ...(stored as unknown as DeliveryEvent), occurredAt: new Date(stored['occurredAt'] as string), raw };
}
