import type { DeliveryStatus } from './channel.port';

const progressRank: Partial<Record<DeliveryStatus, number>> = {
  queued: 1,
  sent: 2,
  delivered: 3,
  opened: 4,
  listened: 4,
  clicked: 5,
  responded: 6,
};

const terminalFailures = new Set<DeliveryStatus>(['failed', 'bounced', 'undelivered']);

export function isTerminalFailure(status: DeliveryStatus): boolean {
  return terminalFailures.has(status);
}

/**
 * Whether an execution in `current` may move to `next`. Webhooks arrive out of order (an open before its
 * delivery, `sent` after `delivered`), so state only moves forward. A failure may still follow delivery,
 * because mailbox providers bounce after accepting, but not engagement: an opened message was received.
 */
export function canAdvance(current: DeliveryStatus | null, next: DeliveryStatus): boolean {
  if (current === null) return true;
  if (isTerminalFailure(current)) return false;
  const from = progressRank[current] ?? 0;
  if (isTerminalFailure(next)) return from <= (progressRank.delivered as number);
  return (progressRank[next] ?? 0) > from;
}
