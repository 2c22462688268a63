import { Clock, Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { Types } from 'mongoose';
import { CampaignErrorCode, CampaignException } from '../campaign.exception';
import { CampaignAction, nextStatus } from '../domain/campaign-status';
import { CampaignResponseDto } from '../dto/campaign.response.dto';
import { CampaignRepository } from '../repositories/campaign.repository';
import { CampaignActivityType } from '../schemas/campaign-activity.schema';
import { Campaign, CampaignStatus } from '../schemas/campaign.schema';
import { RecordCampaignActivityUseCase } from './campaign-activity.usecase';
import { BUDGET_REACHED_REASON } from './budget-reason';
import { FindOwnedCampaignUseCase } from './find-owned-campaign.usecase';

const MAX_ATTEMPTS = 3;

/**
 * Applies one action of the status machine with compare-and-set on the current status, so two
 * concurrent requests cannot both move the campaign; the loser re-reads and is judged again.
 * Also what other modules call (the send path pauses a campaign whose budget is spent).
 */
@Injectable()
export class TransitionCampaignUseCase {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly findCampaign: FindOwnedCampaignUseCase,
    private readonly clock: Clock,
    private readonly activity: RecordCampaignActivityUseCase,
  ) {}

  async execute(tenant: Tenant, id: string, action: CampaignAction, reason: string | null = null): Promise<Campaign> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const campaign = await this.findCampaign.execute(tenant, id);
      const to = this.resolveTarget(campaign, action);
      const from = campaign.status ?? CampaignStatus.Draft;
      const moved = await this.campaigns.transition(tenant, campaign._id, from, to, this.stampsFor(campaign, to, reason));
      if (moved) {
        await this.record(tenant, from, moved, reason);
        return moved;
      }
    }
    throw new CampaignException(CampaignErrorCode.IllegalTransition, 'The campaign changed status while this request ran; try again', { action });
  }

  /**
   * A provider accepted one of the campaign's sends: a `submitted` campaign becomes `active` (once;
   * compare-and-set on `submitted`). Called for every accepted send, so it costs one update that
   * matches nothing when the campaign is not `submitted`. Returns whether this call moved it.
   */
  async confirmSubmission(tenant: Tenant, campaignId: Types.ObjectId, detail: string): Promise<boolean> {
    const to = nextStatus(CampaignStatus.Submitted, CampaignAction.ConfirmSubmission);
    const moved = await this.campaigns.transition(tenant, campaignId, CampaignStatus.Submitted, to, {});
    if (moved) await this.record(tenant, CampaignStatus.Submitted, moved, detail);
    return moved !== null;
  }

  /**
   * Launching or resuming before the schedule's first day waits in `scheduled` instead of `active`;
   * launching (or reaching the start date of) a campaign with prepared voicemail drops is `submitted`.
   */
  private resolveTarget(campaign: Campaign, action: CampaignAction): CampaignStatus {
    const status = campaign.status ?? CampaignStatus.Draft;
    if ((action === CampaignAction.Start || action === CampaignAction.Resume) && this.startsLater(campaign)) {
      return nextStatus(status, CampaignAction.Schedule);
    }
    if (action === CampaignAction.Start && campaign.dropsPreparedAt && status !== CampaignStatus.Paused) return nextStatus(status, CampaignAction.Submit);
    return nextStatus(status, action);
  }

  private startsLater(campaign: Campaign): boolean {
    const schedule = campaign.schedule;
    if (!schedule?.startDate) return false;
    const today = DateTime.fromJSDate(this.clock.now(), { zone: schedule.timeZone }).toISODate();
    return today !== null && schedule.startDate > today;
  }

  /** Only the request that won the compare-and-set gets here, so each move is recorded once. */
  private async record(tenant: Tenant, from: CampaignStatus, campaign: Campaign, reason: string | null): Promise<void> {
    const to = campaign.status;
    const entry = ((): { type: CampaignActivityType; message: string } | null => {
      switch (to) {
        case CampaignStatus.Approved:
          return { type: CampaignActivityType.Approved, message: 'Approved' };
        case CampaignStatus.Scheduled:
          return { type: CampaignActivityType.Scheduled, message: `Launched; sending starts on ${campaign.schedule?.startDate} (${campaign.schedule?.timeZone})` };
        case CampaignStatus.Submitted:
          return {
            type: CampaignActivityType.Submitted,
            message: `${from === CampaignStatus.Scheduled ? `Started: its start date ${campaign.schedule?.startDate ?? ''} arrived. ` : ''}Submitted: its voicemail drops are handed to Drop Cowboy; active once the first is accepted`,
          };
        case CampaignStatus.Active:
          if (from === CampaignStatus.Submitted) return { type: CampaignActivityType.SubmissionAccepted, message: `Active: ${reason ?? 'the provider accepted the first send'}` };
          if (from === CampaignStatus.Paused) return { type: CampaignActivityType.Resumed, message: 'Resumed' };
          if (from === CampaignStatus.Scheduled) return { type: CampaignActivityType.Started, message: `Started: its start date ${campaign.schedule?.startDate ?? ''} arrived`.trim() };
          return { type: CampaignActivityType.Launched, message: 'Launched' };
        case CampaignStatus.Paused:
          return reason === BUDGET_REACHED_REASON ? { type: CampaignActivityType.BudgetReached, message: `Paused: ${reason}` } : { type: CampaignActivityType.Paused, message: reason ? `Paused: ${reason}` : 'Paused' };
        case CampaignStatus.Completed:
          return { type: CampaignActivityType.Completed, message: reason ? `Completed: ${reason}` : 'Completed' };
        case CampaignStatus.Failed:
          return { type: CampaignActivityType.Failed, message: reason ? `Failed: ${reason}` : 'Failed' };
        default:
          return null;
      }
    })();
    if (entry) await this.activity.execute(tenant, { campaignId: campaign._id, ...entry, data: { from, to, ...(reason ? { reason } : {}) } });
  }

  private stampsFor(campaign: Campaign, to: CampaignStatus, reason: string | null): Partial<Campaign> {
    const now = this.clock.now();
    switch (to) {
      case CampaignStatus.GeneratingScripts:
      case CampaignStatus.GeneratingAudio:
        return { dropsPreparedAt: campaign.dropsPreparedAt ?? now };
      case CampaignStatus.Approved:
        return { approvedAt: now };
      case CampaignStatus.Submitted:
        return { launchedAt: campaign.launchedAt ?? now, submittedAt: now, pausedAt: null, pausedReason: null };
      case CampaignStatus.Scheduled:
      case CampaignStatus.Active:
        return { launchedAt: now, pausedAt: null, pausedReason: null };
      case CampaignStatus.Paused:
        return { pausedAt: now, pausedReason: reason };
      case CampaignStatus.Completed:
      case CampaignStatus.Failed:
        return { completedAt: now };
      default:
        return {};
    }
  }
}

/** The HTTP actions: each is one move of the status machine. */
@Injectable()
export class ApproveCampaignUseCase {
  constructor(private readonly transition: TransitionCampaignUseCase) {}

  async execute(tenant: Tenant, id: string): Promise<CampaignResponseDto> {
    return CampaignResponseDto.from(await this.transition.execute(tenant, id, CampaignAction.Approve));
  }
}

@Injectable()
export class LaunchCampaignUseCase {
  constructor(private readonly transition: TransitionCampaignUseCase) {}

  async execute(tenant: Tenant, id: string): Promise<CampaignResponseDto> {
    return CampaignResponseDto.from(await this.transition.execute(tenant, id, CampaignAction.Start));
  }
}

@Injectable()
export class PauseCampaignUseCase {
  constructor(private readonly transition: TransitionCampaignUseCase) {}

  async execute(tenant: Tenant, id: string): Promise<CampaignResponseDto> {
    return CampaignResponseDto.from(await this.transition.execute(tenant, id, CampaignAction.Pause, 'Paused by the agent'));
  }
}

