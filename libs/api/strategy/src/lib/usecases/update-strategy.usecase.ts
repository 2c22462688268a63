import { Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { assertValidContent } from '../domain/strategy-content';
import { UpdateStrategyRequestDto } from '../dto/strategy.request.dto';
import { StrategyResponseDto } from '../dto/strategy.response.dto';
import { StrategyContentUpdate, StrategyRepository } from '../repositories/strategy.repository';
import { StrategyStatus } from '../schemas/strategy.schema';
import { StrategyErrorCode, StrategyException } from '../strategy.exception';
import { FindOwnedStrategyUseCase } from './find-owned-strategy.usecase';
import { emailSenderOf, stepsOf } from './strategy-input';

/** Content changes while the strategy is a draft or paused; a running one must be paused first. */
const EDITABLE = [StrategyStatus.Draft, StrategyStatus.Paused];

@Injectable()
export class UpdateStrategyUseCase {
  constructor(
    private readonly findStrategy: FindOwnedStrategyUseCase,
    private readonly strategies: StrategyRepository,
  ) {}

  async execute(tenant: Tenant, campaignId: string, strategyId: string, input: UpdateStrategyRequestDto): Promise<StrategyResponseDto> {
    const { strategy } = await this.findStrategy.execute(tenant, campaignId, strategyId);
    const change: StrategyContentUpdate = {};
    if (input.name !== undefined) change.name = input.name;
    if (input.steps !== undefined) change.steps = stepsOf(input.steps);
    if (input.emailSender !== undefined) change.emailSender = emailSenderOf(input.emailSender);
    assertValidContent(strategy.type, change.steps ?? strategy.steps, change.emailSender !== undefined ? change.emailSender : strategy.emailSender);
    const updated = await this.strategies.updateContent(tenant, strategy._id, EDITABLE, change);
    if (!updated) throw new StrategyException(StrategyErrorCode.NotEditable, `An ${strategy.status} strategy cannot be edited; pause it first`, { status: strategy.status });
    return StrategyResponseDto.from(updated);
  }
}
