import { Clock, Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { CampaignErrorCode, CampaignException } from '../campaign.exception';
import { CampaignAction, nextStatus } from '../domain/campaign-status';
import { CampaignResponseDto } from '../dto/campaign.response.dto';
import { CampaignRepository } from '../repositories/campaign.repository';
import { Campaign, CampaignStatus } from '../schemas/campaign.schema';
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
  ) {}

  async execute(tenant: Tenant, id: string, action: CampaignAction, reason: string | null = null): Promise<Campaign> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const campaign = await this.findCampaign.execute(tenant, id);
      const to = this.resolveTarget(campaign, action);
      const moved = await this.campaigns.transition(tenant, campaign._id, campaign.status ?? CampaignStatus.Draft, to, this.stampsFor(to, reason));
      if (moved) return moved;
    }
    throw new CampaignException(CampaignErrorCode.IllegalTransition, 'The campaign changed status while this request ran; try again', { action });
  }

  /** Launching or resuming before the schedule's first day waits in `scheduled` instead of `active`. */
  private resolveTarget(campaign: Campaign, action: CampaignAction): CampaignStatus {
    const status = campaign.status ?? CampaignStatus.Draft;
    if ((action === CampaignAction.Start || action === CampaignAction.Resume) && this.startsLater(campaign)) {
      return nextStatus(status, CampaignAction.Schedule);
    }
    return nextStatus(status, action);
  }

  private startsLater(campaign: Campaign): boolean {
    const schedule = campaign.schedule;
    if (!schedule?.startDate) return false;
    const today = DateTime.fromJSDate(this.clock.now(), { zone: schedule.timeZone }).toISODate();
    return today !== null && schedule.startDate > today;
  }

  private stampsFor(to: CampaignStatus, reason: string | null): Partial<Campaign> {
    const now = this.clock.now();
    switch (to) {
      case CampaignStatus.Approved:
        return { approvedAt: now };
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

