import { GateReason } from '@cadence/api-anti-spam';
import { Campaign, CampaignMembershipRepository, CampaignRepository, CampaignStatus, ReserveCampaignBudgetUseCase } from '@cadence/api-campaign';
import { Clock, Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { pickVariant } from '../domain/strategy-content';
import { ExecutionGate } from '../pipeline/execution-gate';
import { SendJobs } from '../pipeline/enqueue-send';
import { MemberProgress } from '../pipeline/member-progress';
import { EMAIL_BATCH_MAX } from '../pipeline/strategy-jobs';
import { ExecutionRepository } from '../repositories/execution.repository';
import { StrategyRepository } from '../repositories/strategy.repository';
import { Execution, ExecutionChannel, ExecutionStatus } from '../schemas/execution.schema';
import { Strategy, StrategyStatus, StrategyType } from '../schemas/strategy.schema';

/** Members per insert of new executions. */
const CREATE_BATCH = 2000;
/** Members per gating round (their contacts are read together). */
const GATE_BATCH = 200;

/**
 * A queued execution already has its send job (same id: adding it again is a no-op); a pending or
 * held one gets a new job id, because its old job ran and Bull keeps finished ids for a while.
 */
function newJobFor(execution: Execution): { jobSeq?: number } {
  return execution.status === ExecutionStatus.Queued ? {} : { jobSeq: 1 };
}
const DAY_MS = 24 * 3600 * 1000;
export const CHANNEL_OF: Record<StrategyType, ExecutionChannel> = {
  [StrategyType.Text]: ExecutionChannel.Sms,
  [StrategyType.Email]: ExecutionChannel.Email,
  [StrategyType.Voicemail]: ExecutionChannel.Voicemail,
};

/**
 * A deployment's fan-out: walks the campaign's members by cursor, creates one execution per
 * (strategy, contact, step) under its unique key (a re-run creates nothing new), gates the ones due
 * now and queues send jobs. Executions still waiting (deferred, queued) are gated and queued again,
 * which is how a resume or a re-deploy picks them up.
 */
@Injectable()
export class RunFanOutUseCase {
  constructor(
    private readonly strategies: StrategyRepository,
    private readonly campaigns: CampaignRepository,
    private readonly members: CampaignMembershipRepository,
    private readonly executions: ExecutionRepository,
    private readonly gate: ExecutionGate,
    private readonly budget: ReserveCampaignBudgetUseCase,
    private readonly sendJobs: SendJobs,
    private readonly clock: Clock,
    private readonly memberProgress: MemberProgress,
  ) {}

  async execute(tenant: Tenant, strategyId: Types.ObjectId): Promise<void> {
    const strategy = await this.strategies.findById(tenant, strategyId);
    if (!strategy || strategy.status !== StrategyStatus.Active) return;
    const campaign = await this.campaigns.findOne(tenant, strategy.campaignId);
    if (!campaign || ![CampaignStatus.Active, CampaignStatus.Submitted, CampaignStatus.Scheduled].includes(campaign.status)) return;
    const startedAt = this.clock.now();
    // Every execution exists before any is judged: creating is one batched insert per
    // CREATE_BATCH members, while judging takes a few queries each and is paced by the sends anyway.
    // The members walked are kept (12 bytes each) so the second pass needs no second walk.
    const audience: Types.ObjectId[] = [];
    await this.forEachMemberBatch(tenant, campaign, CREATE_BATCH, async (contactIds) => {
      audience.push(...contactIds);
      await this.createExecutions(tenant, strategy, campaign, contactIds, startedAt);
    });
    // Email due now is queued in batches of up to 1,000 (one SendGrid request each), so it is
    // collected over several gating rounds before it is queued.
    const emailDue: Execution[] = [];
    for (let from = 0; from < audience.length; from += GATE_BATCH) {
      emailDue.push(...(await this.gateAndQueue(tenant, strategy, campaign, audience.slice(from, from + GATE_BATCH))));
      if (emailDue.length >= EMAIL_BATCH_MAX) await this.sendJobs.enqueueEmailBatches(emailDue.splice(0));
    }
    await this.sendJobs.enqueueEmailBatches(emailDue);
    await this.strategies.markFanOutCompleted(tenant, strategy._id, startedAt);
  }

  private async forEachMemberBatch(tenant: Tenant, campaign: Campaign, size: number, handle: (contactIds: Types.ObjectId[]) => Promise<void>): Promise<void> {
    let after: Types.ObjectId | null = null;
    for (;;) {
      const batch = await this.members.findBatchAfter(tenant, campaign._id, after, size);
      if (batch.length === 0) return;
      after = batch[batch.length - 1].contactId;
      await handle(batch.map((m) => m.contactId));
    }
  }

  private createExecutions(tenant: Tenant, strategy: Strategy, campaign: Campaign, contactIds: Types.ObjectId[], startedAt: Date): Promise<void> {
    const deployedAt = (strategy.deployedAt ?? startedAt).getTime();
    const offsets = strategy.steps.reduce<number[]>((acc, step, i) => [...acc, (i === 0 ? 0 : acc[i - 1]) + step.delayDays * DAY_MS], []);
    return this.executions.insertNew(
      tenant,
      contactIds.flatMap((contactId) =>
        strategy.steps.map((step, index) => ({
          campaignId: campaign._id,
          strategyId: strategy._id,
          contactId,
          step: index,
          variant: pickVariant(step.variants, strategy._id.toHexString(), contactId.toHexString()).key,
          channel: CHANNEL_OF[strategy.type],
          idempotencyKey: `${strategy._id.toHexString()}:${contactId.toHexString()}:${index}`,
          notBefore: new Date(deployedAt + offsets[index]),
        })),
      ),
    );
  }

  /** Queues single send jobs; answers the email executions due now, which the caller queues in batches. */
  private async gateAndQueue(tenant: Tenant, strategy: Strategy, campaign: Campaign, contactIds: Types.ObjectId[]): Promise<Execution[]> {
    await this.executions.reviveRemoved(tenant, strategy._id, contactIds);
    const contacts = new Map((await this.members.findContacts(tenant, contactIds)).map((c) => [c._id.toHexString(), c]));
    const toQueue: Execution[] = [];
    const toBatch: Execution[] = [];
    // A daily cap is checked against sends already made, which a batch's claims all precede; capped
    // campaigns keep single sends so the cap holds.
    const batches = CHANNEL_OF[strategy.type] === ExecutionChannel.Email && !campaign.schedule?.dailyCap;
    // Every execution that moved, so the members' channel progress is written a batch at a time.
    const moved: Execution[] = [];
    const now = this.clock.now();
    for (const execution of await this.executions.findWaiting(tenant, strategy._id, contactIds)) {
      const contact = contacts.get(execution.contactId.toHexString());
      if (execution.notBefore.getTime() > now.getTime() || !contact) {
        // A later step (or a deferral's time): the send job gates it when it is due.
        const queued = await this.executions.move(tenant, execution._id, [execution.status], { status: ExecutionStatus.Queued }, newJobFor(execution));
        if (queued) toQueue.push(queued);
        // A later step waits quietly: its member shows what the earlier steps reached.
        if (queued && execution.step === 0) moved.push(queued);
        continue;
      }
      const { decision } = await this.gate.judge(tenant, execution, strategy, campaign, contact, null, now);
      if (decision.verdict === 'skip') {
        const skipped = await this.executions.move(tenant, execution._id, [ExecutionStatus.Pending, ExecutionStatus.Queued, ExecutionStatus.Deferred], { status: ExecutionStatus.Skipped, reasonCode: decision.reason, reason: decision.message });
        if (skipped) moved.push(skipped);
      } else if (decision.verdict === 'defer' && decision.until === null) {
        // Held until the agent acts (a raised budget); a resume or re-deploy runs this again.
        const held = await this.executions.move(tenant, execution._id, [ExecutionStatus.Pending, ExecutionStatus.Queued, ExecutionStatus.Deferred], { status: ExecutionStatus.Deferred, reasonCode: decision.reason, reason: decision.message });
        if (held) moved.push(held);
        if (decision.reason === GateReason.BudgetExhausted) await this.budget.pauseForBudget(tenant, campaign._id);
      } else {
        const deferred = decision.verdict === 'defer';
        const batched = batches && !deferred;
        const waiting = await this.executions.move(
          tenant,
          execution._id,
          [execution.status],
          deferred ? { status: ExecutionStatus.Deferred, notBefore: decision.until as Date, reasonCode: decision.reason, reason: decision.message } : { status: ExecutionStatus.Queued, reasonCode: null, reason: null },
          // A batch job is always new (its id and the executions' seqs), so a queued one's old job goes stale.
          batched ? { jobSeq: 1 } : newJobFor(execution),
        );
        if (waiting) {
          (batched ? toBatch : toQueue).push(waiting);
          moved.push(waiting);
        }
      }
    }
    await this.sendJobs.enqueueMany(toQueue, now);
    await this.memberProgress.executionsMoved(tenant, moved);
    return toBatch;
  }
}
