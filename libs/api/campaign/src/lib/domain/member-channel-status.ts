import { canAdvance, DeliveryStatus, isTerminalFailure } from '@cadence/api-channel';
import { ChannelDeliveryStatus as S } from '@cadence/api-contact';

/** Waiting on our side: the gate or a send job has not let it out yet. */
const WAITING = new Set<S>([S.Scheduled, S.Queued, S.Deferred]);

/** A member status in the channel library's delivery terms (`engaged` is the older name of an open). */
function asDelivery(status: S): DeliveryStatus | null {
  switch (status) {
    case S.Queued:
      return 'queued';
    case S.Sent:
      return 'sent';
    case S.Delivered:
      return 'delivered';
    case S.Opened:
    case S.Engaged:
      return 'opened';
    case S.Listened:
      return 'listened';
    case S.Clicked:
      return 'clicked';
    case S.Responded:
      return 'responded';
    case S.Failed:
      return 'failed';
    default:
      return null;
  }
}

/** A provider delivery state as a member status: bounces and undelivered messages read as failed. */
export function memberStatusOfDelivery(status: DeliveryStatus): S {
  if (isTerminalFailure(status)) return S.Failed;
  const byDelivery: Record<Exclude<DeliveryStatus, 'failed' | 'bounced' | 'undelivered'>, S> = {
    queued: S.Queued,
    sent: S.Sent,
    delivered: S.Delivered,
    opened: S.Opened,
    listened: S.Listened,
    clicked: S.Clicked,
    responded: S.Responded,
  };
  return byDelivery[status as keyof typeof byDelivery];
}

/**
 * Whether a member's status on a channel may move from `current` to `next`. A member's channel
 * status follows all of its executions there (several steps, several strategies) and only moves
 * forward: waiting (queued ⇄ deferred, the latter with a new reason) → skipped → the channel's
 * delivery order (canAdvance). An opt-out ends it. So a later step queued after a delivery, or a
 * stale `sent` after `delivered`, changes nothing. A reply outranks a failure: a member whose later
 * step failed but who answered an earlier one has responded.
 *
 * `cancelled` (its waiting sends were called off: removed from the campaign, campaign ended) only
 * replaces a waiting status — a member already sent, skipped or failed keeps what happened — and
 * gives way to anything that happens next: a send already in flight reporting `sent`, or the
 * contact added back and its sends gated again.
 */
export function memberStatusCanAdvance(current: S | null, next: S): boolean {
  if (next === S.NotStarted || next === S.Scheduled) return false;
  if (next === S.Cancelled) return current === null || current === S.NotStarted || current === S.Scheduled || WAITING.has(current);
  if (current === null || current === S.NotStarted || current === S.Cancelled) return true;
  if (current === S.OptedOut) return false;
  if (next === S.OptedOut) return true;
  if (WAITING.has(current)) return current !== next || next === S.Deferred;
  if (next === S.Queued || next === S.Deferred) return false;
  const to = asDelivery(next);
  if (current === S.Skipped || (current === S.Failed && next === S.Responded)) return to !== null;
  const from = asDelivery(current);
  return from !== null && to !== null && canAdvance(from, to);
}

/** Every status a member may be in on a channel before moving to `next`: the compare of the atomic update. */
export function statusesThatAdvanceTo(next: S): S[] {
  return Object.values(S).filter((current) => memberStatusCanAdvance(current, next));
}
