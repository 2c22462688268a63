import { usdToMicros, validateCampaignSchedule } from '@cadence/api-channel';
import { CampaignErrorCode, CampaignException } from '../campaign.exception';
import { CampaignScheduleRequestDto } from '../dto/campaign.request.dto';
import { CampaignScheduleSettings } from '../schemas/campaign.schema';

/** The stored schedule for a request's, or a 400 CAMPAIGN_INVALID_SCHEDULE listing every problem. */
export function scheduleSettingsOf(input: CampaignScheduleRequestDto | null | undefined): CampaignScheduleSettings | null {
  if (!input) return null;
  const schedule: CampaignScheduleSettings = {
    timeZone: input.timeZone,
    startDate: input.startDate ?? null,
    endDate: input.endDate ?? null,
    dailyStart: input.dailyStart ?? null,
    dailyEnd: input.dailyEnd ?? null,
    daysOfWeek: input.daysOfWeek ?? null,
    dailyCap: input.dailyCap ?? null,
  };
  const problems = validateCampaignSchedule(schedule);
  if (problems.length > 0) throw new CampaignException(CampaignErrorCode.InvalidSchedule, `The schedule is not valid: ${problems.join('; ')}`, { problems });
  return schedule;
}

export function budgetLimitMicrosOf(usd: number | null | undefined): number | null {
  return usd === null || usd === undefined ? null : usdToMicros(usd);
}
