// Decorators below read type metadata at class definition, before Nest has loaded the polyfill.
import 'reflect-metadata';
import { IsOptional, Matches } from 'class-validator';

export class RedisConfig {
  /** Unset: a redis-server from PATH is started on a free port in a temp dir. */
  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must start with redis:// or rediss://' })
  REDIS_URL?: string;

  /** Prefix of every Bull key; separate deployments (or test runs) sharing one Redis use different ones. */
  @Matches(/^[\w-]{1,40}$/, { message: 'QUEUE_PREFIX must be 1-40 letters, digits, _ or -' })
  QUEUE_PREFIX = 'cadence';
}
