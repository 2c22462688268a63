import { Injectable } from '@nestjs/common';
import { loadConfig } from '../config/config.loader';
import { ClockConfig } from './clock.config';

/** The time source of every use case, so tests can move time instead of waiting for it. */
@Injectable()
export class Clock {
  private readonly offsetMs: number;

  constructor() {
    const { CLOCK_OFFSET_MINUTES } = loadConfig(ClockConfig);
    if (CLOCK_OFFSET_MINUTES !== 0 && process.env['NODE_ENV'] === 'production') {
      throw new Error('CLOCK_OFFSET_MINUTES is for demos and tests; production runs on the real time');
    }
    this.offsetMs = CLOCK_OFFSET_MINUTES * 60_000;
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}
