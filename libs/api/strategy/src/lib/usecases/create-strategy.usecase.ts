import { Tenant } from '@cadence/api-core';
import { FindOwnedCampaignUseCase } from '@cadence/api-campaign';
import { Injectable } from '@nestjs/common';
import { assertValidContent } from '../domain/strategy-content';
import { CreateStrategyRequestDto } from '../dto/strategy.request.dto';
import { StrategyResponseDto } from '../dto/strategy.response.dto';
import { StrategyRepository } from '../repositories/strategy.repository';
import { emailSenderOf, stepsOf } from './strategy-input';

const DEFAULT_NAMES = { text: 'Text messages', email: 'Emails', voicemail: 'Voicemail drops' } as const;

@Injectable()
export class CreateStrategyUseCase {
  constructor(
    private readonly findCampaign: FindOwnedCampaignUseCase,
    private readonly strategies: StrategyRepository,
  ) {}

  async execute(tenant: Tenant, campaignId: string, input: CreateStrategyRequestDto): Promise<StrategyResponseDto> {
    const campaign = await this.findCampaign.execute(tenant, campaignId);
    const steps = stepsOf(input.steps);
    const emailSender = emailSenderOf(input.emailSender);
    assertValidContent(input.type, steps, emailSender);
    const strategy = await this.strategies.create(tenant, { campaignId: campaign._id, name: input.name ?? DEFAULT_NAMES[input.type], type: input.type, steps, emailSender });
    return StrategyResponseDto.from(strategy);
  }
}
