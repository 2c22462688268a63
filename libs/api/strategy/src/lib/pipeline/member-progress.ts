import { memberStatusOfDelivery, RecordMemberChannelStatusUseCase, TransitionCampaignUseCase } from '@cadence/api-campaign';
import { DeliveryError, DeliveryStatus, isTerminalFailure } from '@cadence/api-channel';
import { ChannelDeliveryStatus } from '@cadence/api-contact';
import { Clock, Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { ExecutionRepository } from '../repositories/execution.repository';
import { Execution, ExecutionChannel, ExecutionStatus } from '../schemas/execution.schema';

const CANCELLED_BATCH = 500;
const CHANNEL_WORDS: Record<ExecutionChannel, string> = { voicemail: 'voicemail drop', sms: 'text', email: 'email' };
const PROVIDER_NAMES: Record<string, string> = { dropcowboy: 'Drop Cowboy', twilio: 'Twilio', sendgrid: 'SendGrid' };
/**
 * How long a campaign found not `submitted` at an acceptance is not asked again. A campaign only
 * becomes `submitted` at a launch or a start date, never while it is sending, so this only saves the
 * send path one database round trip per send; the map is dropped whole when it grows large.
 */
const NOT_SUBMITTED_TTL_MS = 60_000;
const NOT_SUBMITTED_MAX = 10_000;

/** What an execution's own status says about its member; sending and unknown say nothing new, cancellations are told in bulk (sendsCancelled). */
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
    private readonly campaigns: TransitionCampaignUseCase,
    private readonly clock: Clock,
    private readonly executions: ExecutionRepository,
  ) {}

  private readonly notSubmittedSince = new Map<string, number>();

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
    const accepted = new Map<string, Execution>();
    for (const { sample, status, contactIds } of groups.values()) {
      if (status === ChannelDeliveryStatus.Sent) accepted.set(sample.campaignId.toHexString(), sample);
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
    for (const sample of accepted.values()) await this.providerAccepted(tenant, sample);
  }

  /** A provider event moved the execution's delivery status (bounces and undelivered read as failed). */
  async deliveryAdvanced(tenant: Tenant, execution: Execution, status: DeliveryStatus, at: Date, error?: DeliveryError): Promise<void> {
    // A delivery receipt is an acceptance too (it may overtake our own `sent` write).
    if (!isTerminalFailure(status)) await this.providerAccepted(tenant, execution);
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

  /**
   * Sends were cancelled (`cancelWaiting`: the contacts left the campaign, or it ended): their members
   * read `cancelled` on those channels, with the cancellation's reason. Reads back the executions the
   * cancellation moved (by its reason code), so only channels that had something waiting change, and
   * a member already sent, skipped or failed there keeps that (the forward-only compare). Running it
   * again changes nothing. `contactIds` null = the whole campaign, walked by cursor.
   */
  async sendsCancelled(tenant: Tenant, campaignId: Types.ObjectId, contactIds: Types.ObjectId[] | null, reasonCode: string): Promise<void> {
    if (contactIds !== null && contactIds.length === 0) return;
    const now = this.clock.now();
    let after: Types.ObjectId | null = null;
    for (;;) {
      const batch = await this.executions.findCancelledAfter(tenant, campaignId, contactIds, reasonCode, after, CANCELLED_BATCH);
      if (batch.length === 0) return;
      after = batch[batch.length - 1]._id;
      const byChannel = new Map<ExecutionChannel, { contactIds: Types.ObjectId[]; reason: string | null }>();
      for (const e of batch) {
        const group = byChannel.get(e.channel) ?? { contactIds: [], reason: e.reason ?? null };
        group.contactIds.push(e.contactId);
        byChannel.set(e.channel, group);
      }
      for (const [channel, group] of byChannel) {
        await this.record.execute(tenant, { campaignId, contactIds: group.contactIds, channel, status: ChannelDeliveryStatus.Cancelled, at: now, reasonCode, reason: group.reason });
      }
      if (batch.length < CANCELLED_BATCH) return;
    }
  }

  /** A provider took one of the campaign's sends: a `submitted` campaign is `active` from now on. */
  private async providerAccepted(tenant: Tenant, execution: Execution): Promise<void> {
    const key = execution.campaignId.toHexString();
    const now = Date.now();
    if (now - (this.notSubmittedSince.get(key) ?? -Infinity) < NOT_SUBMITTED_TTL_MS) return;
    const provider = PROVIDER_NAMES[execution.provider ?? ''] ?? execution.provider ?? 'The provider';
    // Moved now or already active: either way nothing is left to confirm for a while.
    await this.campaigns.confirmSubmission(tenant, execution.campaignId, `${provider} accepted the first ${CHANNEL_WORDS[execution.channel]}`);
    if (this.notSubmittedSince.size >= NOT_SUBMITTED_MAX) this.notSubmittedSince.clear();
    this.notSubmittedSince.set(key, now);
  }
}
