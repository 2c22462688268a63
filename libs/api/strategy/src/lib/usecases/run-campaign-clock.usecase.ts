import { Campaign, CampaignAction, CampaignActivityType, CampaignErrorCode, CampaignException, CampaignRepository, CampaignStatus, RecordCampaignActivityUseCase, TransitionCampaignUseCase } from '@cadence/api-campaign';
import { Clock, Tenant } from '@cadence/api-core';
import { Injectable, Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import { Types } from 'mongoose';
import { MemberProgress } from '../pipeline/member-progress';
import { ExecutionRepository } from '../repositories/execution.repository';
import { StrategyRepository } from '../repositories/strategy.repository';
import { Strategy, StrategyStatus } from '../schemas/strategy.schema';
import { StartFanOutUseCase } from './deploy-strategy.usecase';

const BATCH_SIZE = 200;

export interface CampaignClockReport {
  campaignsStarted: number;
  campaignsCompleted: number;
  strategiesDeployed: number;
  strategiesCompleted: number;
}

function tenantOf(document: { userId: Types.ObjectId; teamId?: string | null }): Tenant {
  return { userId: document.userId.toHexString(), teamId: document.teamId ?? null };
}

/** The campaign's own calendar date now: start and end dates are days in its time zone. */
function localToday(campaign: Campaign, now: Date): string {
  return DateTime.fromJSDate(now, { zone: campaign.schedule?.timeZone ?? 'UTC' }).toISODate() as string;
}

/**
 * One tick of the campaign clock (a repeatable job on the campaign-scheduler queue):
 * 1. scheduled campaigns whose start date has come (in their time zone) become active (`submitted`
 *    with prepared voicemail drops), and their active strategies' held sends are queued again;
 * 2. campaigns past their end date complete: sends not started are cancelled, strategies complete;
 * 3. scheduled strategies whose time has come deploy, once their campaign is active;
 * 4. an active strategy completes when a fan-out ran since it was last asked for and every one of
 *    its executions is final; a campaign completes when every strategy has.
 * Every move is compare-and-set, so two workers (or a re-run tick) change and record each thing once.
 */
@Injectable()
export class RunCampaignClockUseCase {
  private readonly logger = new Logger('CampaignClock');

  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly strategies: StrategyRepository,
    private readonly executions: ExecutionRepository,
    private readonly transition: TransitionCampaignUseCase,
    private readonly fanOut: StartFanOutUseCase,
    private readonly activity: RecordCampaignActivityUseCase,
    private readonly clock: Clock,
    private readonly memberProgress: MemberProgress,
  ) {}

  async execute(): Promise<CampaignClockReport> {
    const now = this.clock.now();
    const report: CampaignClockReport = { campaignsStarted: 0, campaignsCompleted: 0, strategiesDeployed: 0, strategiesCompleted: 0 };
    await this.eachCampaign([CampaignStatus.Scheduled], async (campaign) => {
      const startDate = campaign.schedule?.startDate ?? null;
      if (startDate !== null && startDate > localToday(campaign, now)) return;
      if (await this.startCampaign(campaign)) report.campaignsStarted += 1;
    });
    await this.eachCampaign([CampaignStatus.Submitted, CampaignStatus.Active, CampaignStatus.Paused], async (campaign) => {
      const endDate = campaign.schedule?.endDate ?? null;
      if (endDate === null || endDate >= localToday(campaign, now)) return;
      if (await this.endCampaign(campaign, `its end date ${endDate} has passed`)) report.campaignsCompleted += 1;
    });
    await this.deployDueStrategies(now, report);
    await this.completeFinishedStrategies(now, report);
    await this.eachCampaign([CampaignStatus.Submitted, CampaignStatus.Active], async (campaign) => {
      const strategies = await this.strategies.findForCampaign(tenantOf(campaign), campaign._id);
      if (strategies.length === 0 || strategies.some((s) => s.status !== StrategyStatus.Completed)) return;
      if (await this.move(campaign, CampaignAction.Complete, 'every strategy has finished')) report.campaignsCompleted += 1;
    });
    return report;
  }

  private async startCampaign(campaign: Campaign): Promise<boolean> {
    const tenant = tenantOf(campaign);
    if (!(await this.move(campaign, CampaignAction.Start, null))) return false;
    for (const strategy of await this.strategies.findForCampaign(tenant, campaign._id)) {
      if (strategy.status === StrategyStatus.Active) await this.fanOut.execute(tenant, strategy);
    }
    return true;
  }

  private async endCampaign(campaign: Campaign, reason: string): Promise<boolean> {
    const tenant = tenantOf(campaign);
    await this.executions.cancelWaiting(tenant, campaign._id, null, 'campaign_ended', `Not sent: the campaign ended (${reason})`);
    // Its members' waiting channels read `cancelled` instead of the last status they had.
    await this.memberProgress.sendsCancelled(tenant, campaign._id, null, 'campaign_ended');
    for (const strategy of await this.strategies.findForCampaign(tenant, campaign._id)) {
      if ([StrategyStatus.Active, StrategyStatus.Paused, StrategyStatus.Scheduled].includes(strategy.status)) await this.completeStrategy(tenant, strategy, `the campaign ended`);
    }
    return this.move(campaign, CampaignAction.Complete, reason);
  }

  private async deployDueStrategies(now: Date, report: CampaignClockReport): Promise<void> {
    let after: Types.ObjectId | null = null;
    for (;;) {
      const due: Strategy[] = await this.strategies.findDueScheduledSystemWide(now, after, BATCH_SIZE);
      if (due.length === 0) return;
      after = due[due.length - 1]._id;
      for (const strategy of due) {
        const tenant = tenantOf(strategy);
        const campaign = await this.campaigns.findOne(tenant, strategy.campaignId);
        // A strategy due before its campaign starts (or while it is paused) waits for it.
        if (campaign?.status !== CampaignStatus.Active && campaign?.status !== CampaignStatus.Submitted) continue;
        const deployed = await this.strategies.transition(tenant, strategy._id, [StrategyStatus.Scheduled], StrategyStatus.Active, { deployedAt: now, scheduledFor: null });
        if (!deployed) continue;
        await this.fanOut.execute(tenant, deployed);
        await this.activity.execute(tenant, { campaignId: campaign._id, type: CampaignActivityType.StrategyDeployed, message: `Strategy "${deployed.name}" deployed on schedule`, data: { strategyId: deployed._id.toHexString(), scheduledFor: strategy.scheduledFor?.toISOString() ?? null } });
        report.strategiesDeployed += 1;
      }
    }
  }

  private async completeFinishedStrategies(now: Date, report: CampaignClockReport): Promise<void> {
    let after: Types.ObjectId | null = null;
    for (;;) {
      const batch: Strategy[] = await this.strategies.findFannedOutActiveSystemWide(after, BATCH_SIZE);
      if (batch.length === 0) return;
      after = batch[batch.length - 1]._id;
      for (const strategy of batch) {
        const requested = strategy.fanOutRequestedAt?.getTime() ?? 0;
        // A fan-out asked for after the last one started has not run yet: members it adds would be missed.
        if ((strategy.fanOutCompletedAt as Date).getTime() < requested) continue;
        const tenant = tenantOf(strategy);
        if (await this.executions.hasUnfinished(tenant, strategy._id)) continue;
        if (await this.completeStrategy(tenant, strategy, 'every send is done', now)) report.strategiesCompleted += 1;
      }
    }
  }

  private async completeStrategy(tenant: Tenant, strategy: Strategy, reason: string, now = this.clock.now()): Promise<boolean> {
    const done = await this.strategies.transition(tenant, strategy._id, [strategy.status], StrategyStatus.Completed, { completedAt: now, scheduledFor: null });
    if (!done) return false;
    await this.activity.execute(tenant, { campaignId: strategy.campaignId, type: CampaignActivityType.StrategyCompleted, message: `Strategy "${strategy.name}" completed: ${reason}`, data: { strategyId: strategy._id.toHexString() } });
    return true;
  }

  /** False when another worker (or the agent) moved the campaign first. */
  private async move(campaign: Campaign, action: CampaignAction, reason: string | null): Promise<boolean> {
    try {
      await this.transition.execute(tenantOf(campaign), campaign._id.toHexString(), action, reason);
      return true;
    } catch (error) {
      if (error instanceof CampaignException && [CampaignErrorCode.IllegalTransition, CampaignErrorCode.CampaignNotFound].includes(error.code as CampaignErrorCode)) {
        this.logger.debug(`Campaign ${campaign._id.toHexString()}: ${action} skipped (${error.message})`);
        return false;
      }
      throw error;
    }
  }

  private async eachCampaign(statuses: CampaignStatus[], handle: (campaign: Campaign) => Promise<void>): Promise<void> {
    let after: Types.ObjectId | null = null;
    for (;;) {
      const batch: Campaign[] = await this.campaigns.findInStatusesSystemWide(statuses, after, BATCH_SIZE);
      if (batch.length === 0) return;
      after = batch[batch.length - 1]._id;
      for (const campaign of batch) {
        try {
          await handle(campaign);
        } catch (error) {
          // One broken campaign must not stop the clock for everyone else.
          this.logger.error(`Campaign clock failed on ${campaign._id.toHexString()}: ${(error as Error).stack ?? String(error)}`);
        }
      }
    }
  }
}
