import type { CampaignResponseDto, StrategyResponseDto } from '@cadence/web-api-client';
import { approveCampaign, deployStrategy, launchCampaign, listStrategies } from '@cadence/web-api-client';

/**
 * Approve (when still a draft), launch, then deploy every strategy not deployed yet. Each step is
 * skipped when already done, so a retry after a failure picks up where it stopped; deploying twice
 * sends nothing twice on the server either.
 */
export async function launchWithStrategies(campaign: CampaignResponseDto): Promise<{ campaign: CampaignResponseDto; deployed: StrategyResponseDto[] }> {
  let current = campaign;
  if (current.status === 'draft' || current.status === 'review') current = await approveCampaign(current.id);
  if (current.status === 'approved') current = await launchCampaign(current.id);
  const { items } = await listStrategies(current.id);
  const waiting = items.filter((s) => s.status === 'draft');
  for (const strategy of waiting) await deployStrategy(current.id, strategy.id);
  return { campaign: current, deployed: waiting };
}
