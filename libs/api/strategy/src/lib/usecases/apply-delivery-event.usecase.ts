import { SuppressAddressUseCase, SuppressionChannel } from '@cadence/api-anti-spam';
import { RecordCampaignCountersUseCase } from '@cadence/api-campaign';
import { canAdvance, DeliveryEvent, DeliveryStatus } from '@cadence/api-channel';
import { ChannelStats } from '@cadence/api-campaign';
import { Injectable } from '@nestjs/common';
import { MemberProgress } from '../pipeline/member-progress';
import { ExecutionRepository } from '../repositories/execution.repository';
import { DeliveryTimestampField } from '../schemas/execution.schema';

const COUNTER_OF: Partial<Record<DeliveryStatus, keyof ChannelStats>> = {
  delivered: 'delivered',
  opened: 'engaged',
  listened: 'engaged',
  clicked: 'clicked',
  responded: 'responded',
  failed: 'failed',
  bounced: 'failed',
  undelivered: 'failed',
};
/** Where each state's time is kept. queued/sent have none: our `sentAt` is when the provider took the message. */
export const REACHED_AT_FIELD: Partial<Record<DeliveryStatus, DeliveryTimestampField>> = {
  delivered: 'deliveredAt',
  opened: 'openedAt',
  listened: 'listenedAt',
  clicked: 'clickedAt',
  responded: 'respondedAt',
  failed: 'failedAt',
  bounced: 'bouncedAt',
  undelivered: 'undeliveredAt',
};
const MAX_RACES = 3;

/**
 * Applies one provider event to its execution: the delivery status only moves forward (channel's
 * canAdvance), whatever order events arrive in, and each provider event id counts once. Every event
 * still records when its own state was reached (the earliest such time), even one too late to move the
 * status: "delivered" after "opened" keeps its delivery time. An opt-out reported by the provider
 * suppresses the address on that channel.
 */
@Injectable()
export class ApplyDeliveryEventUseCase {
  constructor(
    private readonly executions: ExecutionRepository,
    private readonly counters: RecordCampaignCountersUseCase,
    private readonly suppress: SuppressAddressUseCase,
    private readonly memberProgress: MemberProgress,
  ) {}

  /** Returns whether the event changed the execution's delivery status. */
  async execute(event: DeliveryEvent): Promise<boolean> {
    for (let race = 0; race < MAX_RACES; race++) {
      const execution = await this.executions.findForDeliveryEvent(event.executionId, event.providerMessageId, event.recipient);
      if (!execution || execution.appliedEventIds.includes(event.providerEventId)) return false;
      const tenant = { userId: execution.userId.toHexString(), teamId: execution.teamId ?? null };
      const current = execution.deliveryStatus as DeliveryStatus | null;
      const next = event.status !== null && canAdvance(current, event.status) ? event.status : null;
      const field = event.status !== null ? REACHED_AT_FIELD[event.status] : undefined;
      const reached = field ? { field, at: event.occurredAt } : null;
      if (!(await this.executions.advanceDelivery(execution._id, current, next, event.providerEventId, reached))) continue;
      if (event.optedOut && execution.address) {
        await this.suppress.execute(tenant, execution.channel as unknown as SuppressionChannel, execution.address, `${event.provider} reported an opt-out`);
      }
      // The campaign member's channel progress follows (its own forward-only compare decides).
      if (next) await this.memberProgress.deliveryAdvanced(tenant, execution, next, event.occurredAt, event.error);
      if (event.optedOut) await this.memberProgress.optedOut(tenant, execution, event.occurredAt, `${event.provider} reported an opt-out`);
      const counter = next ? COUNTER_OF[next] : undefined;
      if (counter) await this.counters.execute(tenant, execution.campaignId, execution.channel, { [counter]: 1 });
      return next !== null;
    }
    return false;
  }
}
