import { memberStatusOfDelivery, RecordMemberChannelStatusUseCase } from '@cadence/api-campaign';
import { DeliveryError, DeliveryStatus } from '@cadence/api-channel';
import { ChannelDeliveryStatus } from '@cadence/api-contact';
import { Clock, Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { Execution, ExecutionStatus } from '../schemas/execution.schema';

/** What an execution's own status says about its member; sending, unknown and cancelled say nothing new. */
const MEMBER_STATUS_OF: Partial<Record<ExecutionStatus, ChannelDeliveryStatus>> = {
  [ExecutionStatus.Queued]: ChannelDeliveryStatus.Queued,
  [ExecutionStatus.Deferred]: ChannelDeliveryStatus.Deferred,
  [ExecutionStatus.Skipped]: ChannelDeliveryStatus.Skipped,
  [ExecutionStatus.Sent]: ChannelDeliveryStatus.Sent,
  [ExecutionStatus.Failed]: ChannelDeliveryStatus.Failed,
};
const WITH_REASON = new Set([ChannelDeliveryStatus.Deferred, ChannelDeliveryStatus.Skipped, ChannelDeliveryStatus.Failed]);

/**
 * Tells the campaign member's channel progress what happened to one of its executions, right after
 * the execution's own compare-and-set succeeded (so each transition is told once). The member's
 * status only moves forward, so a member with several steps on a channel shows the furthest one.
 */
@Injectable()
export class MemberProgress {
  constructor(
    private readonly record: RecordMemberChannelStatusUseCase,
    private readonly clock: Clock,
  ) {}

  /** After `executions.move`; null (another writer moved it first) tells nothing. */
  async executionMoved(tenant: Tenant, execution: Execution | null): Promise<void> {
    if (execution) await this.executionsMoved(tenant, [execution]);
  }

  /** The fan-out's batch: members that moved alike (status and reason) are written together. */
  async executionsMoved(tenant: Tenant, executions: Execution[]): Promise<void> {
    const groups = new Map<string, { sample: Execution; status: ChannelDeliveryStatus; contactIds: Execution['contactId'][] }>();
    for (const execution of executions) {
      const status = MEMBER_STATUS_OF[execution.status];
      if (!status) continue;
      const reasonCode = WITH_REASON.has(status) ? (execution.reasonCode ?? null) : null;
      const key = JSON.stringify([execution.campaignId.toHexString(), execution.channel, status, reasonCode, WITH_REASON.has(status) ? (execution.reason ?? null) : null, status === ChannelDeliveryStatus.Sent ? execution._id.toHexString() : '']);
      const group = groups.get(key) ?? { sample: execution, status, contactIds: [] };
      group.contactIds.push(execution.contactId);
      groups.set(key, group);
    }
    const now = this.clock.now();
    for (const { sample, status, contactIds } of groups.values()) {
      const withReason = WITH_REASON.has(status);
      await this.record.execute(tenant, {
        campaignId: sample.campaignId,
        contactIds,
        channel: sample.channel,
        status,
        at: status === ChannelDeliveryStatus.Sent ? (sample.sentAt ?? now) : now,
        reasonCode: withReason ? (sample.reasonCode ?? null) : null,
        reason: withReason ? (sample.reason ?? null) : null,
      });
    }
  }

  /** A provider event moved the execution's delivery status (bounces and undelivered read as failed). */
  async deliveryAdvanced(tenant: Tenant, execution: Execution, status: DeliveryStatus, at: Date, error?: DeliveryError): Promise<void> {
    const member = memberStatusOfDelivery(status);
    const failed = member === ChannelDeliveryStatus.Failed;
    await this.record.execute(tenant, {
      campaignId: execution.campaignId,
      contactIds: [execution.contactId],
      channel: execution.channel,
      status: member,
      at,
      reasonCode: failed ? (error?.code ?? status) : null,
      reason: failed ? (error?.reason ?? null) : null,
    });
  }

  /** The provider (or a reply) reports the contact opted out of this channel. */
  async optedOut(tenant: Tenant, execution: Execution, at: Date, reason: string): Promise<void> {
    await this.record.execute(tenant, { campaignId: execution.campaignId, contactIds: [execution.contactId], channel: execution.channel, status: ChannelDeliveryStatus.OptedOut, at, reasonCode: 'opted_out', reason });
  }
}
