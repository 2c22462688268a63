// Decorators below read type metadata at class definition, before Nest has loaded the polyfill.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

export class CampaignClockConfig {
  /**
   * Seconds between the worker's campaign-clock ticks (start and end dates, scheduled deploys,
   * completion). Dates are whole days and scheduled deploys minutes apart, so 15 s is on time. 0 turns
   * the automatic tick off: the API tests run the clock themselves, at the moments they choose.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3600)
  CAMPAIGN_CLOCK_INTERVAL_SECONDS = 15;
}
