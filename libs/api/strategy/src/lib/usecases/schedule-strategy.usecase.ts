import { CampaignActivityType, CampaignStatus, RecordCampaignActivityUseCase } from '@cadence/api-campaign';
import { Clock, Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { ScheduleStrategyRequestDto } from '../dto/strategy-actions.dto';
import { StrategyResponseDto } from '../dto/strategy.response.dto';
import { StrategyRepository } from '../repositories/strategy.repository';
import { StrategyStatus } from '../schemas/strategy.schema';
import { StrategyErrorCode, StrategyException } from '../strategy.exception';
import { FindOwnedStrategyUseCase } from './find-owned-strategy.usecase';

const CLOSED = [CampaignStatus.Completed, CampaignStatus.Failed];

/**
 * draft (or scheduled: a new time) → scheduled. The campaign clock deploys it when the time comes and
 * its campaign is active; until then it may be deployed by hand or rescheduled.
 */
@Injectable()
export class ScheduleStrategyUseCase {
  constructor(
    private readonly findStrategy: FindOwnedStrategyUseCase,
    private readonly strategies: StrategyRepository,
    private readonly activity: RecordCampaignActivityUseCase,
    private readonly clock: Clock,
  ) {}

  async execute(tenant: Tenant, campaignId: string, strategyId: string, input: ScheduleStrategyRequestDto): Promise<StrategyResponseDto> {
    const { campaign, strategy } = await this.findStrategy.execute(tenant, campaignId, strategyId);
    if (CLOSED.includes(campaign.status)) {
      throw new StrategyException(StrategyErrorCode.CampaignNotRunning, `The campaign is ${campaign.status}; nothing more can be deployed in it`, { campaignStatus: campaign.status });
    }
    if (input.at.getTime() <= this.clock.now().getTime()) {
      throw new StrategyException(StrategyErrorCode.InvalidSchedule, 'The deploy time must be in the future; deploy now instead', { at: input.at.toISOString() });
    }
    const scheduled = await this.strategies.transition(tenant, strategy._id, [StrategyStatus.Draft, StrategyStatus.Scheduled], StrategyStatus.Scheduled, { scheduledFor: input.at });
    if (!scheduled) throw new StrategyException(StrategyErrorCode.IllegalTransition, `A ${strategy.status} strategy cannot be scheduled`, { status: strategy.status });
    const local = DateTime.fromJSDate(input.at, { zone: campaign.schedule?.timeZone ?? 'UTC' }).toFormat("yyyy-MM-dd HH:mm ZZZZ");
    await this.activity.execute(tenant, { campaignId: campaign._id, type: CampaignActivityType.StrategyScheduled, message: `Strategy "${scheduled.name}" scheduled to deploy at ${local}`, data: { strategyId: scheduled._id.toHexString(), at: input.at.toISOString() } });
    return StrategyResponseDto.from(scheduled);
  }
}
