import type { CampaignResponseDto } from '@cadence/web-api-client';

/**
 * Provider receipts (delivered, opened, listened, replies) keep arriving after the last send, so a
 * campaign's figures are followed for this long after it completes, not only while it is active.
 */
export const RECEIPTS_SETTLE_MS = 10 * 60_000;

/** Whether a campaign's figures can still change on their own: sending, or completed a moment ago. */
export function isLive(campaign: Pick<CampaignResponseDto, 'status' | 'completedAt'>, now = Date.now()): boolean {
  // `submitted` sends too, and turns active on its own at the first provider acceptance.
  if (campaign.status === 'active' || campaign.status === 'submitted') return true;
  if (campaign.status !== 'completed' || !campaign.completedAt) return false;
  return now - new Date(campaign.completedAt).getTime() < RECEIPTS_SETTLE_MS;
}
