import { parseObjectId, Tenant } from '@cadence/api-core';
import { CampaignMembershipRepository } from '@cadence/api-campaign';
import { Injectable } from '@nestjs/common';
import { mergeDataOf } from '../domain/merge-data';
import { pickVariant, renderMessage } from '../domain/strategy-content';
import { StepPreviewResponseDto, StrategyPreviewResponseDto } from '../dto/strategy.response.dto';
import { StrategyErrorCode, StrategyException } from '../strategy.exception';
import { FindOwnedStrategyUseCase } from './find-owned-strategy.usecase';

/**
 * Every step as this contact would receive it, with the variant the contact is bound to. The
 * unsubscribe link is issued per send, so the preview's footer shows it empty.
 */
@Injectable()
export class PreviewStrategyUseCase {
  constructor(
    private readonly findStrategy: FindOwnedStrategyUseCase,
    private readonly members: CampaignMembershipRepository,
  ) {}

  async execute(tenant: Tenant, campaignId: string, strategyId: string, contactId: string): Promise<StrategyPreviewResponseDto> {
    const { strategy } = await this.findStrategy.execute(tenant, campaignId, strategyId);
    const id = parseObjectId(contactId);
    const [contact] = id ? await this.members.findContacts(tenant, [id]) : [];
    if (!contact) throw new StrategyException(StrategyErrorCode.StrategyNotFound, 'Contact not found', { contactId });
    const data = mergeDataOf(contact, strategy.emailSender, null);
    return {
      contactId,
      steps: strategy.steps.map((step, index) => {
        const variant = pickVariant(step.variants, strategy._id.toHexString(), contactId);
        return StepPreviewResponseDto.from(index, variant.key, renderMessage(strategy.type, index, variant, strategy.emailSender, data));
      }),
    };
  }
}
