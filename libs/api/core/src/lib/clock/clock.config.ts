// Decorators below read type metadata at class definition, before Nest has loaded the polyfill.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

export class ClockConfig {
  /**
   * Moves the system's notion of "now" (send windows, schedules, the campaign clock) by this many
   * minutes. For demos and the browser tests, which must see a time inside legal calling hours
   * whatever hour they run at. Refused in production.
   */
  @Type(() => Number)
  @IsInt()
  @Min(-7 * 24 * 60)
  @Max(7 * 24 * 60)
  CLOCK_OFFSET_MINUTES = 0;
}
